#!/usr/bin/env bash
# The hostile-input run at full size: HostileInputIT with REQUESTS requests (default 10 000) drawn from the seeded
# corpus (ear/src/test/java/org/d8a/it/HostileRequests.java) with SEED (default 17), on the H2 server only. CI runs
# the same test with 2 000. Its figures line ("hostile input: ...") is in the output; docs/reliability.md records
# them. Extra arguments after REQUESTS and SEED go to Maven before the verify goal (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-10000}
SEED=${2:-17}
shift $(( $# > 2 ? 2 : $# ))
exec mvn -B "$@" verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HostileInputIT \
  -Dd8a.it.postgresql.skip=true -Dd8a.it.hostile.requests="$REQUESTS" -Dd8a.it.hostile.seed="$SEED"
