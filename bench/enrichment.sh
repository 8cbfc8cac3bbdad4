#!/usr/bin/env bash
# Measures what enrichment costs delivery: the same load and the same `deliver` run (bench/deliver.sh) against two
# fresh servers of the build, one with every enrichment provider off (device_detector.provider: stub, no geo database,
# no rates) and one with all of them on (device detection, MaxMind's GeoIP2 City test database, a rates snapshot).
# Three runs: off and on with every client a real browser user agent (ten of them) at an address of its own
# (BROWSERS=1 in bench/ga4-hits.lua), one session each, so geo runs once per row and device detection is mostly served
# by its cache, as with real traffic; then on with every client's user agent distinct, which no cache helps (the
# worst case for device detection).
# Usage: bench/enrichment.sh [SECONDS_OF_LOAD] [CHUNK_SIZE]     (needs wrk; the build: mvn -DskipTests package)
#        RUNS="off:1 on:1 off:1 on:1" bench/enrichment.sh ...   (other runs: variant:browsers, browsers 1 or 0)
set -euo pipefail
seconds=${1:-60}; chunk=${2:-500}
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/d8a-bench-enrichment
rm -rf "$work"; mkdir -p "$work/dbip" "$work/currency"
cp "$here/../../shared/data/geoip-test/GeoIP2-City-Test.mmdb" "$work/dbip/"
# Made-up rates, only so that conversions run: never use them as real ones.
printf '{"created_at":"2026-01-01T00:00:00Z","rates":{"eur":{"usd":0.5}}}' \
    > "$work/currency/rates-20260101T000000.000000000Z.json"

common="sessions:\n  timeout: 2s\ndelivery:\n  interval: 1h\nserver:\n  trusted_proxies: [127.0.0.1]\n"
printf "${common}warehouse:\n  files:\n    filesystem:\n      path: $work/off/warehouse\n    max_segment_age: 2s\ndevice_detector:\n  provider: stub\n" > "$work/off.yaml"
printf "${common}warehouse:\n  files:\n    filesystem:\n      path: $work/on/warehouse\n    max_segment_age: 2s\ndbip:\n  enabled: true\n  destination_directory: $work/dbip\ncurrency:\n  destination_directory: $work/currency\n  refresh_interval: \"0\"\n" > "$work/on.yaml"

for run in ${RUNS:-off:1 on:1 on:0}; do
    variant=${run%:*}; browsers=${run#*:}
    rm -rf "$work/$variant/warehouse"
    "$here/server.sh" "$work/$variant.yaml" "$work/$variant/base" > "$work/$variant.log" 2>&1 &
    server=$!
    until curl -sf localhost:8080/healthz > /dev/null; do sleep 1; done
    echo "enrichment $variant, $([ "$browsers" = 1 ] && echo "ten browser user agents" || echo "every user agent distinct"):"
    BROWSERS=$browsers "$here/deliver.sh" "$work/$variant/warehouse" 15 "$chunk" > /dev/null    # warm-up
    BROWSERS=$browsers "$here/deliver.sh" "$work/$variant/warehouse" "$seconds" "$chunk"
    "$here/../standalone-config/target/wildfly-39.0.1.Final/bin/jboss-cli.sh" -c --command=:shutdown > /dev/null
    wait "$server" || true
done
