#!/usr/bin/env bash
# The integration tests' PostgreSQL: Debian's server (installed here when missing; needs root), a
# throw-away cluster on 127.0.0.1:18432 with one role, mcp (password mcp-password, SCRAM), and no
# database: each test creates its own.
#
#   postgres.sh start|stop|status
#
# As root the server runs as the postgres user the package creates (PostgreSQL refuses to run as
# root). The cluster lives in /tmp/jakarta-mcp-postgres (a path that user can reach) and is made
# afresh on every start.
set -euo pipefail

PORT=18432
DATA=/tmp/jakarta-mcp-postgres
LOG=$DATA.log

log() { echo "[postgres] $*"; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install() {
  [ -n "$(bin_dir)" ] && [ -x "$(bin_dir)/initdb" ] && return 0
  if [ "$(id -u)" != "0" ]; then
    echo "The integration tests need Debian's PostgreSQL server: run 'sudo apt-get install postgresql'" >&2
    exit 1
  fi
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql > /dev/null
}

# runs a PostgreSQL program as the user that owns the cluster
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ctl() { as_owner "$(bin_dir)/pg_ctl" -D "$DATA" "$@"; }

stop() {
  if [ -f "$DATA/postmaster.pid" ]; then
    ctl stop -m fast -w -t 60 > /dev/null || true
    log "stopped"
  fi
}

start() {
  install
  stop
  rm -rf "$DATA"
  mkdir -p "$DATA"
  local pw
  pw=$(mktemp)
  echo "mcp-password" > "$pw"
  : > "$LOG"
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$DATA" "$pw" "$LOG"
  fi
  as_owner "$(bin_dir)/initdb" -D "$DATA" -U mcp --pwfile="$pw" --auth-host=scram-sha-256 --auth-local=trust -E UTF8 > "$LOG" 2>&1
  rm -f "$pw"
  ctl start -w -t 60 -l "$LOG" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" > /dev/null
  log "PostgreSQL $("$(bin_dir)/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (log: $LOG)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  # the tests stop and start the same cluster to see readiness follow it
  restart-keep) ctl start -w -t 60 -l "$LOG" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" > /dev/null ;;
  stop-keep) ctl stop -m fast -w -t 60 > /dev/null ;;
  status) ctl status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
