#!/usr/bin/env bash
# Measures the deliver job: fills the spool of a running server started with `delivery.interval: 1h` (so nothing is
# delivered meanwhile), then delivers it with the given chunk size and prints rows per second (one row per session).
# Usage: bench/deliver.sh WAREHOUSE_DIR SECONDS_OF_LOAD CHUNK_SIZE     (needs wrk: apt-get install wrk)
# The admin calls authenticate as D8A_ADMIN_USER (default d8a-admin) with D8A_ADMIN_PASSWORD (docs/operations.md).
set -euo pipefail
warehouse=$1; seconds=$2; chunk=$3
here=$(cd "$(dirname "$0")" && pwd)
admin="${D8A_ADMIN_USER:-d8a-admin}:${D8A_ADMIN_PASSWORD:?set D8A_ADMIN_PASSWORD to the password of the admin user}"
depth() { curl -s -u "$admin" localhost:8080/spool | sed 's/.*"depth":\([0-9]*\).*/\1/'; }
rows() { "$here/warehouse-rows.sh" "$warehouse"; }

RUN=deliver-$RANDOM CLIENTS=100000000 wrk -t1 -c64 -d${seconds}s -s "$here/ga4-hits.lua" http://localhost:8080 | tail -1
# Every hit is a session of its own; wait until the consumers and the closer have spooled all of them.
previous=-1
while now=$(depth); [ "$now" != "$previous" ]; do previous=$now; sleep 5; done
spooled=$(depth)
before=$(rows)
start=$(date +%s.%N)
curl -s -u "$admin" -X POST -H 'Content-Type: application/json' "localhost:8080/spool/deliver?chunk_size=$chunk" > /dev/null
while [ "$(depth)" != "0" ]; do sleep 0.5; done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
# The spool is empty once every row is staged in the files warehouse's segments; count them once they are uploaded.
previous=-1
while now=$(rows); [ "$now" != "$previous" ]; do previous=$now; sleep 3; done
written=$(( $(rows) - before ))
echo "chunk $chunk: $spooled sessions spooled, delivered in $elapsed s: $(echo "$spooled / $elapsed" | bc) rows/s; $written rows uploaded"
