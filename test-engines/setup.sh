#!/usr/bin/env bash
# Creates the Python environment with the test engines (chDB, DuckDB) in <repo>/.test-engines/venv, once per
# version of requirements.txt. The Maven build runs it before the tests; it is quick when nothing changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.test-engines/venv"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
  exit 0
fi
python="$(command -v python3 || true)"
if [ -z "$python" ]; then
  echo "test-engines: python3 is required (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
echo "$want" > "$stamp"
echo "test-engines: installed $(grep -v "^#" "$here/requirements.txt" | tr "\n" " ")into $venv"
