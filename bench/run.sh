#!/usr/bin/env bash
# Measures a running d8a server: GA4 hits accepted per second (wrk, 64 connections, CLIENTS distinct clients) and,
# once the load stops, how long until every session has closed and its rows are in the warehouse's CSV files
# (the server's warehouse.files.max_segment_age bounds how long an uploaded file takes).
# Usage: bench/run.sh WAREHOUSE_DIR [SECONDS] [CLIENTS]     (needs wrk: apt-get install wrk)
set -euo pipefail
warehouse=$1; seconds=${2:-30}; clients=${3:-1000}
here=$(cd "$(dirname "$0")" && pwd)
rows() { "$here/warehouse-rows.sh" "$warehouse"; }

RUN=warm-$RANDOM CLIENTS=$clients wrk -t1 -c64 -d10s -s "$here/ga4-hits.lua" http://localhost:8080 > /dev/null
before=$(rows)
summary=$(RUN=load-$RANDOM CLIENTS=$clients wrk -t1 -c64 -d${seconds}s -s "$here/ga4-hits.lua" http://localhost:8080 | tail -1)
end=$(date +%s.%N)
echo "$summary"
accepted=$(echo "$summary" | awk '{print $2}' | tr -d ,)
deadline=$(( $(date +%s) + 300 ))
while [ $(( $(rows) - before )) -lt "$accepted" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
echo "rows for the measured load: $(( $(rows) - before )) (at least $accepted expected), the last $(echo "$(date +%s.%N) - $end" | bc) s after the load ended"
