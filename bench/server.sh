#!/usr/bin/env bash
# Starts the server the build prepared, in the foreground, with its own base directory (state, logs, the EAR) and the
# given d8a configuration, as the benchmarks in docs/performance.md use it. The base directory starts empty.
# Usage: bench/server.sh CONFIG_FILE BASE_DIR
set -euo pipefail
config=$(realpath "$1"); base=$2
root=$(cd "$(dirname "$0")/.." && pwd)
server=$root/standalone-config/target/wildfly-39.0.1.Final
rm -rf "$base"
mkdir -p "$base/deployments"
cp -r "$server/standalone/configuration" "$base/"
cp "$root/ear/target/d8a.ear" "$base/deployments/"
# the admin user of the benchmarks' admin calls (D8A_ADMIN_USER / D8A_ADMIN_PASSWORD)
"$root/standalone-config/scripts/first-admin.sh" "$server" "$base/configuration"
JBOSS_HOME=$server exec "$server/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$(realpath "$base")" \
    -Dd8a.config="$config"
