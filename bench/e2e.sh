#!/usr/bin/env bash
# The performance benchmark of docs/performance.md: every figure of one run, from the build in ear/target and
# standalone-config/target, on this machine. Three fresh servers, one after the other (bench/server.sh, each with its
# own base directory under WORK):
#   pipeline  sessions.timeout 2s, files warehouse (CSV, segments uploaded every 2 s): the bare limit (GET /healthz, a
#             trivial JAX-RS endpoint of the product, under the same load), ingest at full load with the whole
#             pipeline running and the sustained end-to-end rate (first request to last row in the warehouse), the
#             receiver alone (consumers paused) and the consumers alone (draining what it queued), ingest at half
#             load (the full rate halved), and the rollbacks and redeliveries the server logged;
#   delivery  delivery.interval 1h: rows/s of one `deliver` of a filled spool (bench/deliver.sh);
#   heap      sessions.timeout 1h: heap after a full GC with OPEN open proto-sessions, less the heap before them.
# Load: wrk, THREADS threads, 64 connections, GA4 page_view GETs (bench/ga4-hits.lua), every request distinct: CLIENTS
# clients per wrk thread, each sending EVENTS hits in a row.
# Usage: bench/e2e.sh [SECONDS]     (env: CLIENTS=1000 EVENTS=1 THREADS=2 OPEN=100000 WORK=/tmp/d8a-e2e
#                                     PHASES="pipeline delivery heap"; needs wrk)
set -euo pipefail
seconds=${1:-30}
clients=${CLIENTS:-1000}; events=${EVENTS:-1}; threads=${THREADS:-2}; open_target=${OPEN:-100000}
phases=${PHASES:-pipeline delivery heap}
work=${WORK:-/tmp/d8a-e2e}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
export D8A_ADMIN_PASSWORD=${D8A_ADMIN_PASSWORD:-E2e-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')}
admin="${D8A_ADMIN_USER:-d8a-admin}:$D8A_ADMIN_PASSWORD"
url=http://localhost:8080
mkdir -p "$work"
report=$work/report.txt
: > "$report"
say() { echo "$*" | tee -a "$report"; }
now() { date +%s.%N; }
calc() { echo "scale=3; $*" | bc; }

# --- one server at a time -------------------------------------------------------------------------------------------
base=
start_server() {   # NAME, then YAML lines of its configuration
  local name=$1; shift
  base=$work/$name
  stop_server
  rm -rf "$base.warehouse"
  {
    echo "sessions:"; echo "  timeout: $1"
    echo "server:"; echo "  trusted_proxies: [127.0.0.1]"
    echo "warehouse:"; echo "  files:"; echo "    filesystem:"; echo "      path: $base.warehouse"
    echo "    max_segment_age: 2s"
    [ -n "${2:-}" ] && echo "$2"
  } > "$base.yaml"
  "$here/server.sh" "$base.yaml" "$base" > "$base.out" 2>&1 &
  local deadline=$(( $(date +%s) + 300 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $url/healthz)" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "server $name did not start: $base.out" >&2; exit 1; }
    sleep 1
  done
  pid=$(pgrep -f "jboss-modules.jar.*$base" | head -1)
}
stop_server() {
  pkill -f "jboss-modules.jar.*$work/" || true
  while pgrep -f "jboss-modules.jar.*$work/" > /dev/null; do sleep 0.5; done
}
trap stop_server EXIT

overview() {   # FIELD of the pipeline now: queueDepth, openProtoSessions, spoolDepth, ...
  curl -s -u "$admin" $url/admin/api/overview | python3 -c "import json,sys; print(json.load(sys.stdin)['now']['$1'])"
}
rows() { "$here/warehouse-rows.sh" "$base.warehouse"; }
wait_rows_stable() { local previous=-1 current; while current=$(rows); [ "$current" != "$previous" ]; do previous=$current; sleep 3; done; }
wait_queue_empty() { until [ "$(overview queueDepth)" = 0 ]; do sleep 0.5; done; }
# nothing queued, open or spooled any more, and the last segment uploaded
wait_settled() {
  wait_queue_empty
  until [ "$(overview openProtoSessions)" = 0 ] && [ "$(overview spoolDepth)" = 0 ]; do sleep 0.5; done
  wait_rows_stable
}

# wrk's summary line (ga4-hits.lua's done): requests N, errors E, R req/s, latency p50 X ms, p99 Y ms
load() {   # SECONDS PATH_SCRIPT [ENV...]: prints the summary line
  local duration=$1 script=$2; shift 2
  env "$@" wrk -t"${wrk_threads:-$threads}" -c64 -d"${duration}s" -s "$script" $url | tail -1
}
field() { echo "$1" | sed -n "s/.*$2 \([0-9.]*\).*/\1/p"; }   # SUMMARY NAME: the number after NAME
rate_of() { echo "$1" | sed -n 's/.* \([0-9.]*\) req\/s.*/\1/p'; }
requests_of() { echo "$1" | sed -n 's/^requests \([0-9]*\),.*/\1/p'; }
errors_of() { echo "$1" | sed -n 's/.*errors \([0-9]*\),.*/\1/p'; }

say "d8a e2e benchmark: commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!docs' || echo '+changes'), $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, H2"
say "load: wrk -t$threads -c64 -d${seconds}s, CLIENTS=$clients per thread, EVENTS=$events"

# --- pipeline -------------------------------------------------------------------------------------------------------
if [[ " $phases " == *" pipeline "* ]]; then
  start_server pipeline 2s
  bare_lua=$work/bare.lua
  echo 'request = function() return wrk.format("GET", "/healthz?v=2&tid=G-BENCH&en=page_view&dl=https%3A%2F%2Fexample.com%2F") end
done = function(summary, latency)
  io.write(string.format("requests %d, errors %d, %.0f req/s, latency p50 %.1f ms, p99 %.1f ms\n", summary.requests,
      summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end' > "$bare_lua"
  hits=$here/ga4-hits.lua
  common=(CLIENTS="$clients" EVENTS="$events")
  # warm-up: the JIT, the pools, the first sessions and segments
  load 20 "$hits" RUN=warm-$RANDOM "${common[@]}" > /dev/null
  load 10 "$bare_lua" > /dev/null
  wait_settled

  bare=$(load "$seconds" "$bare_lua")
  say "bare limit (GET /healthz):          $bare"

  before=$(rows); t0=$(now)
  full=$(load "$seconds" "$hits" RUN=full-$RANDOM "${common[@]}")
  t1=$(now)
  accepted=$(requests_of "$full")
  deadline=$(( $(date +%s) + 900 ))
  while [ $(( $(rows) - before )) -lt "$accepted" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
  t2=$(now)
  delivered=$(( $(rows) - before ))
  say "ingest, full load, pipeline on:     $full"
  say "end to end: $delivered rows for $accepted hits accepted, the last $(calc "$t2 - $t1") s after the load ended: $(calc "$accepted / ($t2 - $t0)") hits/s"
  wait_settled

  curl -s -u "$admin" -X POST -H 'Content-Type: application/json' -d '{}' $url/queue/pause > /dev/null
  alone=$(load "$seconds" "$hits" RUN=alone-$RANDOM "${common[@]}")
  # every request is one hit (the queue's depth counts messages, which carry one hit or several)
  queued=$(requests_of "$alone")
  d0=$(now)
  curl -s -u "$admin" -X POST -H 'Content-Type: application/json' -d '{}' $url/queue/resume > /dev/null
  wait_queue_empty
  d1=$(now)
  say "ingest, receiver alone (paused):    $alone"
  say "consumers alone: $queued queued hits appended in $(calc "$d1 - $d0") s: $(calc "$queued / ($d1 - $d0)") hits/s"
  wait_settled

  full_rate=$(rate_of "$full")
  half=$(load "$seconds" "$hits" RUN=half-$RANDOM "${common[@]}" RATE="$(calc "$full_rate / 2 / $threads")")
  say "ingest, half load (RATE=$(calc "$full_rate / 2")/s): $half"
  wait_settled

  log=$base/log/server.log
  count() { grep -c "$1" "$log" || true; }
  say "server log: $(count ' ERROR ') ERROR, $(count ' WARN ') WARN, $(count 'will be redelivered') batches redelivered, $(count 'StaleState') stale-state rollbacks"
  say "ratios: ingest / bare limit $(calc "$full_rate / $(rate_of "$bare")"), receiver alone / bare limit $(calc "$(rate_of "$alone") / $(rate_of "$bare")"), end to end / ingest $(calc "($accepted / ($t2 - $t0)) / $full_rate")"
  say "database: $(du -sh "$base/data/d8a" 2>/dev/null | cut -f1) after the phase"
fi

# --- delivery -------------------------------------------------------------------------------------------------------
if [[ " $phases " == *" delivery "* ]]; then
  start_server delivery 2s "delivery:
  interval: 1h"
  say "delivery ($(D8A_ADMIN_PASSWORD=$D8A_ADMIN_PASSWORD "$here/deliver.sh" "$base.warehouse" 10 500 | tail -1 | tr -d '\n'), warm-up)"
  say "delivery: $(D8A_ADMIN_PASSWORD=$D8A_ADMIN_PASSWORD "$here/deliver.sh" "$base.warehouse" "$seconds" 500 | tail -1)"
fi

# --- heap -----------------------------------------------------------------------------------------------------------
if [[ " $phases " == *" heap "* ]]; then
  start_server heap 1h
  heap_used() {   # KiB of heap in use after a full GC
    jcmd "$pid" GC.run > /dev/null
    jcmd "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1
  }
  # one session, so that the classes and caches of the path exist before the baseline
  curl -s -o /dev/null "$url/g/collect?v=2&tid=G-BENCH&en=page_view&cid=heap-warm&dl=https%3A%2F%2Fexample.com%2F"
  until [ "$(overview openProtoSessions)" -ge 1 ]; do sleep 0.5; done
  h0=$(heap_used)
  # CLIENTS clients of one thread, one hit each: every hit opens a proto-session of its own until all are open
  # (after the last client the first ones come back, into the sessions they opened)
  RUN=heap CLIENTS="$open_target" EVENTS=1 wrk -t1 -c64 -d3600s -s "$here/ga4-hits.lua" $url > /dev/null &
  generator=$!
  while [ "$(overview openProtoSessions)" -lt "$open_target" ]; do sleep 1; done
  kill "$generator"; wait "$generator" || true
  wait_queue_empty
  open=$(overview openProtoSessions)
  h1=$(heap_used)
  say "heap: $open open proto-sessions: $(( (h1 - h0) )) KiB more heap after a full GC than with one: $(calc "($h1 - $h0) * 1024 / $open") bytes each; database $(du -sh "$base/data/d8a" 2>/dev/null | cut -f1)"
fi
stop_server
say "report: $report"
