#!/usr/bin/env bash
# The crash loop at full size: CrashLoopIT with KILLS SIGKILLs of the server under traffic (default 20), their
# moments drawn from SEED (default 29), on the H2 server only. CI runs the same test with 3 kills. Its figures line
# ("crash loop: ...") is in the output; docs/reliability.md records them. Extra arguments after KILLS and SEED go to
# Maven before the verify goal (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-20}
SEED=${2:-29}
shift $(( $# > 2 ? 2 : $# ))
exec mvn -B "$@" verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashLoopIT \
  -Dd8a.it.postgresql.skip=true -Dd8a.it.crash.kills="$KILLS" -Dd8a.it.crash.seed="$SEED"
