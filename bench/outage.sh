#!/usr/bin/env bash
# The long warehouse outage of docs/reliability.md, from the build in ear/target and standalone-config/target: one
# server (bench/server.sh), sessions.timeout 2s, the files warehouse. Every hit is a client of its own, so every hit
# is a session once it closes.
#   baseline  RATE requests/s (wrk -t2 -c64, bench/ga4-hits.lua) for SECONDS with the warehouse up: the latency to beat;
#   outage    the warehouse's segment directory replaced by a plain file (every write fails, as when its disk or
#             mount is gone), the same RATE until SESSIONS closed sessions are spooled; every 10 s the spool's and
#             the queue's depth, the heap in use, the process' resident memory and the journal's and spool's size on
#             disk are sampled;
#   restore   the directory back; the time until the spool is empty, then the rows: one per hit, no id twice.
# Usage: bench/outage.sh [SESSIONS] [RATE] [SECONDS]   (defaults 100000, 500, 30; env WORK=/tmp/d8a-outage; needs wrk)
set -euo pipefail
sessions_target=${1:-100000}; rate=${2:-500}; seconds=${3:-30}
work=${WORK:-/tmp/d8a-outage}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
export D8A_ADMIN_PASSWORD=${D8A_ADMIN_PASSWORD:-Outage-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')}
admin="${D8A_ADMIN_USER:-d8a-admin}:$D8A_ADMIN_PASSWORD"
url=http://localhost:8080
base=$work/server
mkdir -p "$work"
report=$work/report.txt
: > "$report"
say() { echo "$*" | tee -a "$report"; }
calc() { echo "scale=3; $*" | bc; }

stop_server() {
  pkill -f "jboss-modules.jar.*$work/" || true
  while pgrep -f "jboss-modules.jar.*$work/" > /dev/null; do sleep 0.5; done
}
trap stop_server EXIT
stop_server
rm -rf "$base.warehouse"
cat > "$base.yaml" <<EOF
sessions:
  timeout: 2s
warehouse:
  files:
    max_segment_age: 2s
    filesystem:
      path: $base.warehouse
EOF
"$here/server.sh" "$base.yaml" "$base" > "$base.out" 2>&1 &
deadline=$(( $(date +%s) + 300 ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' $url/healthz)" = 200 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "the server did not start: $base.out" >&2; exit 1; }
  sleep 1
done
pid=$(pgrep -f "jboss-modules.jar.*$base" | head -1)
staging=$base/data/d8a/spool/warehouse/files/spool

overview() {   # FIELD of the pipeline now: queueDepth, openProtoSessions, spoolDepth, ...
  curl -s -u "$admin" $url/admin/api/overview | python3 -c "import json,sys; print(json.load(sys.stdin)['now']['$1'])"
}
# load SECONDS RUN: wrk at RATE requests/s, every request a client of its own; prints ga4-hits.lua's summary line
load() {
  RUN=$2 CLIENTS=10000000 EVENTS=1 RATE=$(( rate / 2 )) wrk -t2 -c64 -d"$1s" -s "$here/ga4-hits.lua" $url | tail -1
}
settled() { [ "$(overview queueDepth)" = 0 ] && [ "$(overview openProtoSessions)" = 0 ] && [ "$(overview spoolDepth)" = 0 ]; }
heap_mib() { jcmd "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ print int($1 / 1024) }'; }
sample() {
  say "  t+$(( $(date +%s) - outage_start ))s: spooled $(overview spoolDepth), queued $(overview queueDepth), open $(overview openProtoSessions), heap used $(heap_mib) MiB, RSS $(( $(awk '/VmRSS/ { print $2 }' /proc/$pid/status) / 1024 )) MiB, journal $(du -sm "$base/data/activemq" | cut -f1) MiB, database $(du -sm "$base/data/d8a" --exclude=spool | cut -f1) MiB, segments $(du -sm "$base/data/d8a/spool" | cut -f1) MiB"
}
# the JVM's collections so far: "N collections, S s" (jstat: young and full counts, all GC time)
gc_so_far() { jstat -gcutil "$pid" | awk 'NR == 2 { printf "%d %.3f", $7 + $9 + ($11 == "-" ? 0 : $11), $NF }'; }
gc_between() {   # "COUNT SECONDS" before, after: what the collector did in between
  read -r c0 s0 <<< "$1"; read -r c1 s1 <<< "$2"
  echo "$(( c1 - c0 )) collections, $(calc "$s1 - $s0") s of GC"
}

say "d8a outage benchmark: commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!docs' || echo '+changes'), $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, H2"
say "load: wrk -t2 -c64 at $rate requests/s, every request a new client (one session per hit)"

load 20 warm > /dev/null
until settled; do sleep 1; done
g0=$(gc_so_far)
baseline=$(load "$seconds" baseline)
say "baseline, warehouse up:   $baseline; $(gc_between "$g0" "$(gc_so_far)")"
until settled; do sleep 1; done

mkdir -p "$staging"
mv "$staging" "$staging.set-aside"
echo "not a directory: the warehouse cannot write here" > "$staging"
outage_start=$(date +%s)
outage_seconds=$(( sessions_target / rate + 30 ))
g0=$(gc_so_far)
load "$outage_seconds" outage > "$work/outage-load.txt" &
loader=$!
while kill -0 "$loader" 2> /dev/null; do sleep 10; sample; done
wait "$loader"
say "during the outage:        $(cat "$work/outage-load.txt"); $(gc_between "$g0" "$(gc_so_far)")"
until [ "$(overview queueDepth)" = 0 ] && [ "$(overview openProtoSessions)" = 0 ]; do sleep 1; done
sample
spooled=$(overview spoolDepth)
jcmd "$pid" GC.run > /dev/null
say "spooled at the end of the outage: $spooled sessions; heap after a full GC $(heap_mib) MiB"

rm "$staging"
mv "$staging.set-aside" "$staging"
restored=$(date +%s)
until settled; do sleep 1; done
drained=$(( $(date +%s) - restored ))
# every uploaded segment, once the last one is in place
previous=-1
while current=$("$here/warehouse-rows.sh" "$base.warehouse"); [ "$current" != "$previous" ]; do previous=$current; sleep 3; done
say "restored: the spool empty $drained s later ($(calc "$spooled / $drained") sessions/s)"
requests_of() { sed -n 's/^requests \([0-9]*\), errors \([0-9]*\),.*/\1 \2/p' <<< "$1"; }
say "rows: $(python3 - "$base.warehouse" $(requests_of "$baseline") $(requests_of "$(cat "$work/outage-load.txt")") <<'EOF'
import csv, pathlib, sys
ids, clients, rows = set(), {}, 0
# ga4-hits.lua numbers a thread's clients 0, 64, 128, ... plus the thread's number: a hit missing among the stored
# ones of a thread is lost; only the last requests of each thread, in flight when wrk stopped, may be missing at the
# end (they were never acknowledged) or stored beyond wrk's count (acknowledged after it stopped counting)
for file in pathlib.Path(sys.argv[1]).rglob("*.csv"):
    with open(file, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows += 1
            ids.add(row["id"])
            _, run, number = row["client_id"].split("-")
            clients.setdefault(run, set()).add(int(number))
# every answered request of a run is a client of its own (wrk's errors are the answers other than 2xx)
sent = {"baseline": int(sys.argv[2]) - int(sys.argv[3]), "outage": int(sys.argv[4]) - int(sys.argv[5])}
def gaps(numbers):
    missing = 0
    for thread in {n % 64 for n in numbers}:
        seq = sorted(n // 64 for n in numbers if n % 64 == thread)
        missing += seq[-1] - seq[0] + 1 - len(seq)
    return missing
print(f"{rows} rows, {len(ids)} distinct ids, {rows - len(ids)} duplicated; "
      + "; ".join(f"{run}: {n} hits acknowledged, {len(clients.get(run, ()))} stored, "
                  f"{gaps(clients.get(run, set()))} missing among them" for run, n in sent.items()))
EOF
)"
log=$base/log/server.log
say "server log: $(grep -c ' ERROR ' "$log" || true) ERROR, $(grep -Ec ' WARN(ING)? ' "$log" || true) WARN"
say "report: $report"
