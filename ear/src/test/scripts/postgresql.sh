#!/usr/bin/env bash
# A private PostgreSQL cluster for the integration tests, on loopback only, with its own data directory and port:
# no system service, nothing shared with a PostgreSQL the machine may already run.
#
#   postgresql.sh start DIR PORT   initdb a fresh cluster under DIR, start it on 127.0.0.1:PORT, create the role and
#                                  database d8a (owner d8a, password made for this run), wait until it accepts
#                                  connections; writes DIR/it.properties (d8a.it.db.*) for the build and the tests
#   postgresql.sh stop DIR         stop the cluster started under DIR (fast shutdown), if it runs
#   postgresql.sh restart DIR      stop the running cluster under DIR (fast shutdown: every connection is cut) and start
#                                  it again on the same data and options, waiting until it accepts connections
#
# The binaries are Debian's (package postgresql, installed by .ci/run): found under /usr/lib/postgresql/*/bin, not on
# PATH, where Debian does not put initdb or pg_ctl. initdb refuses to run as root, so when this script runs as root
# (as CI may) the cluster runs as the unprivileged user nobody.
set -euo pipefail

usage() { echo "usage: $0 start DIR PORT | stop DIR | restart DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
action="$1"
dir="$(mkdir -p "$2" && cd "$2" && pwd)"

bindir=""
for candidate in ${D8A_PG_BINDIR:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/pg_ctl" ]; then bindir="$candidate"; break; fi
done
[ -n "$bindir" ] || { echo "postgresql.sh: no pg_ctl under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1; }

# Everything PostgreSQL runs as the owner of the cluster: the caller, or nobody when the caller is root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

# Where the data directory lives is recorded at start, so stop finds it wherever it was put.
datadir_of() { cat "$dir/datadir" 2>/dev/null || true; }

stop() {
  local data
  data="$(datadir_of)"
  # status, not the pid file alone: a cluster killed with its machine leaves a stale one behind
  if [ -n "$data" ] && [ -f "$data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
}

start() {
  local port="$1"
  # A cluster left running by an interrupted build of this checkout would hold the port: stop it, start afresh.
  stop
  local data
  data="$(datadir_of)"
  if [ -n "$data" ] && [ "$data" != "$dir/data" ]; then rm -rf "$(dirname "$data")"; fi
  rm -rf "$dir/data" "$dir/datadir" "$dir/it.properties"

  local base="$dir"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u nobody -- test -x "$dir"; then
    # nobody cannot reach DIR (a checkout under /root, say): the cluster goes to a private temporary directory.
    base="$(mktemp -d /tmp/d8a-postgresql.XXXXXX)"
    chown nobody: "$base"
  fi
  data="$base/data"
  mkdir -p "$data"
  chmod 700 "$data"
  if [ "$(id -u)" -eq 0 ]; then chown nobody: "$data"; fi
  echo "$data" > "$dir/datadir"

  # Passwords made for this run only: read from files (never a command line, which ps shows), kept out of the log.
  local superuser_password password pwfile
  superuser_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  pwfile="$base/superuser-password"
  (umask 077; printf '%s\n' "$superuser_password" > "$pwfile")
  if [ "$(id -u)" -eq 0 ]; then chown nobody: "$pwfile"; fi

  # Password authentication over TCP only; no Unix socket, whose path length limit a deep checkout would exceed.
  as_owner "$bindir/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"

  # fsync off: the tests kill WildFly, never this cluster, and a test cluster need not survive a power cut.
  # max_connections: the Arquillian server and a test's own server run at once, each with a pool of up to 40.
  if ! as_owner "$bindir/pg_ctl" -D "$data" -l "$data/postgresql.log" -w -t 120 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=200 -c fsync=off" \
      start >/dev/null; then
    cat "$data/postgresql.log" >&2
    exit 1
  fi

  # Ready when the server accepts connections, not after a guessed delay (pg_ctl -w already waits; this states it).
  local deadline=$((SECONDS + 60))
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "postgresql.sh: the cluster on 127.0.0.1:$port did not become ready" >&2
      cat "$data/postgresql.log" >&2
      exit 1
    fi
    sleep 0.2
  done

  # The application's role may create databases: each test server of its own gets a fresh one (ServerProcess).
  # The statements come on stdin, not the command line; no statement is logged even if one fails.
  PGPASSWORD="$superuser_password" "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
      -d postgres >/dev/null <<SQL
SET log_min_error_statement = panic;
\\set password '$password'
CREATE ROLE d8a LOGIN CREATEDB PASSWORD :'password';
CREATE DATABASE d8a OWNER d8a;
SQL

  (umask 077; cat > "$dir/it.properties" <<EOF
d8a.it.db.host=127.0.0.1
d8a.it.db.port=$port
d8a.it.db.name=d8a
d8a.it.db.user=d8a
d8a.it.db.password=$password
EOF
  )
  echo "postgresql.sh: $("$bindir/postgres" --version) ready on 127.0.0.1:$port (data $data)"
}

restart() {
  local data
  data="$(datadir_of)"
  [ -n "$data" ] || { echo "postgresql.sh: no cluster started under $dir" >&2; exit 1; }
  # pg_ctl restart keeps the options of the last start (postmaster.opts)
  as_owner "$bindir/pg_ctl" -D "$data" -l "$data/postgresql.log" -m fast -w -t 120 restart >/dev/null
}

case "$action" in
  start) [ $# -eq 3 ] || usage; start "$3" ;;
  restart) restart ;;
  stop)
    stop
    data="$(datadir_of)"
    # a data directory put under /tmp is removed with its cluster; one under DIR goes with the build's clean
    if [ -n "$data" ] && [ "$data" != "$dir/data" ]; then rm -rf "$(dirname "$data")"; rm -f "$dir/datadir"; fi
    ;;
  *) usage ;;
esac
