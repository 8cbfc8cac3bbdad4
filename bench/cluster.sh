#!/usr/bin/env bash
# Throughput of a d8a cluster on this machine: GA4 hits accepted per second by one node, then by two nodes, in one run
# (docs/performance.md, "Cluster"). The nodes are copies of the PostgreSQL server the build prepared
# (standalone-config/target/postgresql, standalone-full-ha.xml with cluster.cli), on port offsets 300 and 400, sharing
# a private PostgreSQL cluster (ear/src/test/scripts/postgresql.sh) and the noop warehouse: what is measured is intake,
# queue and sessionization with their shared counts, not a warehouse. Both nodes share this machine's cores, so the
# ratio says what clustering costs here, not what a second machine adds.
# Usage: bench/cluster.sh [SECONDS] [CLIENTS]   (needs wrk; build first: mvn -B package -pl standalone-config,ear -am)
set -euo pipefail
seconds=${1:-30}; clients=${2:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
server=$root/standalone-config/target/postgresql/wildfly-39.0.1.Final
work=$(mktemp -d /tmp/d8a-cluster-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do pkill -KILL -P "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; done
  "$root/ear/src/test/scripts/postgresql.sh" stop "$work/pg" || true
}
trap cleanup EXIT

"$root/ear/src/test/scripts/postgresql.sh" start "$work/pg" 15532
prop() { grep "^d8a.it.db.$1=" "$work/pg/it.properties" | cut -d= -f2-; }
export D8A_DB_HOST=127.0.0.1 D8A_DB_PORT=15532 D8A_DB_NAME=d8a D8A_DB_USER=d8a D8A_DB_PASSWORD="$(prop password)"
export D8A_CLUSTER_HOSTS='127.0.0.1[7900],127.0.0.1[8000]'
D8A_CLUSTER_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n'); export D8A_CLUSTER_PASSWORD
cat > "$work/d8a.yaml" <<YAML
warehouse:
  driver: noop
YAML

start_node() {  # NAME OFFSET GROUPING
  local base=$work/$1
  mkdir -p "$base/deployments"
  cp -r "$server/standalone/configuration" "$base/"
  cp "$root/ear/target/d8a.ear" "$base/deployments/"
  JBOSS_HOME=$server "$server/bin/standalone.sh" -c standalone-full-ha.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$2" -Djboss.node.name="$1" -Dd8a.cluster.grouping="$3" \
    -Djboss.bind.address.private=127.0.0.1 -Dd8a.config="$work/d8a.yaml" > "$base/console.log" 2>&1 &
  pids+=($!)
  local port=$((8080 + $2)) deadline=$(( $(date +%s) + 240 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/healthz")" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$1 did not start; see $base/console.log" >&2; exit 1; }
    sleep 1
  done
}

# wrk on each URL at once, 64 connections split between them; prints the hits accepted (2xx) per second over all
load() {  # RUN URL...
  local run=$1; shift
  local per=$(( 64 / $# )) outs=() i=0
  for url in "$@"; do
    RUN=$run-$i CLIENTS=$clients wrk -t1 -c"$per" -d"${seconds}s" -s "$root/bench/ga4-hits.lua" "$url" \
      > "$work/wrk-$run-$i.txt" &
    outs+=($!); i=$((i + 1))
  done
  wait "${outs[@]}"
  # the script's summary line: "requests N, errors E, ..."; accepted = answered 2xx
  tail -q -n1 "$work"/wrk-"$run"-*.txt | tr -d , | awk -v s="$seconds" '{ok += $2 - $4} END {printf "%.0f\n", ok / s}'
}

start_node node1 300 LOCAL
load warm-1 http://localhost:8380 > /dev/null
one=$(load one http://localhost:8380)
start_node node2 400 REMOTE
load warm-2 http://localhost:8380 http://localhost:8480 > /dev/null
two=$(load two http://localhost:8380 http://localhost:8480)
echo "cluster throughput: 1 node $one hits/s, 2 nodes $two hits/s, ratio $(echo "scale=2; $two / $one" | bc)" \
  "(${seconds}s each, 64 connections, $clients clients per wrk; commit $(git -C "$root" rev-parse --short HEAD))"
