#!/usr/bin/env bash
# Every integration test on PostgreSQL: the PostgreSQL pass of ear/ with all tests instead of CI's subset, and no H2
# pass. The build starts and stops its own PostgreSQL cluster (ear/src/test/scripts/postgresql.sh); extra arguments go to
# Maven before the verify goal (e.g. -o clean, or -Dit.test=... to pick tests).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B "$@" verify -Dd8a.it.h2.skip=true "-Dd8a.it.postgresql.includes=**/*IT.java"
