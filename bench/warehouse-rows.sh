#!/usr/bin/env bash
# Prints how many rows the files warehouse (CSV) has uploaded under DIR: every line of every CSV file but its header.
# Usage: bench/warehouse-rows.sh DIR
set -euo pipefail
dir=$1
if [ ! -d "$dir" ]; then echo 0; exit 0; fi
find "$dir" -name '*.csv' -print0 | xargs -0 -r awk 'FNR > 1 { n++ } END { print n + 0 }' | awk '{ s += $1 } END { print s + 0 }'
