#!/usr/bin/env bash
# Creates the first d8a administrator in the prepared server's ApplicationRealm, the documented WildFly way
# (add-user.sh), before the run command starts it. The name and password come from D8A_ADMIN_USER and
# D8A_ADMIN_PASSWORD; without a password one is generated and printed here, once. No password lives in the repository.
set -euo pipefail
server="$1"
configuration="${2:-$server/standalone/configuration}"   # the server's base directory's, if it has its own
user="${D8A_ADMIN_USER:-d8a-admin}"
if [ -n "${D8A_ADMIN_PASSWORD:-}" ]; then
  password="$D8A_ADMIN_PASSWORD"
  shown="the password of D8A_ADMIN_PASSWORD"
else
  # letters, digits and a symbol, as add-user.sh's password rules want
  password="D8a-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  shown="password $password (generated; shown only now)"
fi
JBOSS_HOME="$server" "$server/bin/add-user.sh" -a -s -sc "$configuration" -u "$user" -p "$password" -g d8a-admin
echo "d8a: admin user '$user' with $shown; the operator's page is http://localhost:8080/admin/"
