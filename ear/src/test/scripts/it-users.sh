#!/usr/bin/env bash
# The users of the integration tests, created with add-user.sh in the prepared server before the tests start it:
# an admin, a viewer, an authenticated user with neither role (ApplicationRealm), and a management user that reads
# /metrics. Their passwords are random per build, written to the tests' own file, never to the repository.
set -euo pipefail
server="$1"
out="$2"
mkdir -p "$(dirname "$out")"
: > "$out"
add() { # realm-flag name group
  local password
  password="It-$(head -c 15 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  if [ "$1" = "-a" ]; then
    JBOSS_HOME="$server" "$server/bin/add-user.sh" -a -s -u "$2" -p "$password" -g "$3"
  else
    JBOSS_HOME="$server" "$server/bin/add-user.sh" -s -u "$2" -p "$password"
  fi
  printf '%s=%s\n' "$2" "$password" >> "$out"
}
add -a d8a-it-admin d8a-admin
add -a d8a-it-viewer d8a-viewer
add -a d8a-it-outsider guest
add -a d8a-it-subscriber d8a-sessions-subscriber
add -m d8a-it-monitor ""
