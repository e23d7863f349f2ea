#!/usr/bin/env bash
# A local cluster: N Payara Micro nodes joined into one Hazelcast data grid over TCP on loopback
# (never multicast), a shared PostgreSQL, and HAProxy in front, round robin per request, no
# stickiness. Everything on 127.0.0.1.
#
#   cluster.sh start N [DIR]   starts it in the background, waits until every node is ready; DIR
#                              (default target/cluster) holds the logs, PIDs and HAProxy's config
#   cluster.sh stop [DIR]      stops what start started
#   cluster.sh run N           start, then wait; Ctrl-C stops everything
#
# Ports: the balancer on CLUSTER_PORT (default 18300), node i on CLUSTER_PORT+i for HTTP and
# 18400+i for the grid. The database: DB_CLASS_NAME/DB_URL/DB_USER/DB_PASSWORD when DB_URL is set,
# else a throw-away PostgreSQL (src/test/postgres/postgres.sh, 127.0.0.1:18432). MCP_MRTR_STATE_KEYS,
# when set, goes to every node (mcp.mrtr.state-keys); unset, each node shares its own key through the
# grid. Needs target/jakarta-mcp.war and target/payara-micro.jar (mvn -DskipTests package),
# and HAProxy (installed from Debian's packages when missing; needs root).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
action="${1:-}"
LB_PORT="${CLUSTER_PORT:-18300}"
GRID_BASE=18400

log() { echo "[cluster] $*"; }

install_haproxy() {
  command -v haproxy > /dev/null && return 0
  if [ "$(id -u)" != "0" ]; then
    echo "the cluster needs HAProxy: run 'sudo apt-get install haproxy'" >&2
    exit 1
  fi
  log "installing Debian's haproxy"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq haproxy > /dev/null
}

members() {
  local n=$1 i list=""
  for i in $(seq 1 "$n"); do list="${list:+$list,}127.0.0.1:$((GRID_BASE + i))"; done
  echo "$list"
}

start_node() {
  local i=$1 n=$2 dir=$3
  local port=$((LB_PORT + i))
  mkdir -p "$dir/node$i"
  # a fresh root per start: the node's state is in the grid and the database, not on its disk
  rm -rf "$dir/node$i/root"
  (
    cd "$dir/node$i"
    exec java -Djava.io.tmpdir="$dir/node$i" ${MCP_MRTR_STATE_KEYS:+-Dmcp.mrtr.state-keys="$MCP_MRTR_STATE_KEYS"} \
      -jar "$root/target/payara-micro.jar" --deploy "$root/target/jakarta-mcp.war" --contextroot / \
      --port "$port" --rootdir "$dir/node$i/root" \
      --clustermode "tcpip:$(members "$n")" --clustername jakarta-mcp-local --interfaces 127.0.0.1 \
      --startport $((GRID_BASE + i)) --nohostaware \
      --prebootcommandfile "$here/loopback.asadmin" --name "node$i"
  ) > "$dir/node$i/server.log" 2>&1 &
  echo $! > "$dir/node$i/pid"
}

write_haproxy_config() {
  local n=$1 dir=$2 i
  {
    echo "global"
    echo "  maxconn 4096"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 5s"
    # long enough for SSE streams and waiting elicitations
    echo "  timeout client 1h"
    echo "  timeout server 1h"
    echo "  option http-server-close"
    echo "frontend mcp"
    echo "  bind 127.0.0.1:$LB_PORT"
    echo "  default_backend nodes"
    echo "backend nodes"
    echo "  balance roundrobin"
    # which node answered, for the tests and for people looking at it
    echo "  http-response set-header X-Served-By %s"
    echo "  option httpchk GET /health/live"
    for i in $(seq 1 "$n"); do
      echo "  server node$i 127.0.0.1:$((LB_PORT + i)) check inter 2s"
    done
  } > "$dir/haproxy.cfg"
}

start() {
  local n="${1:?usage: cluster.sh start N [DIR]}"
  local dir="${2:-$root/target/cluster}"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  stop "$dir" > /dev/null 2>&1 || true
  install_haproxy
  if [ -z "${DB_URL:-}" ]; then
    bash "$root/src/test/postgres/postgres.sh" start
    PGPASSWORD=mcp-password "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" -h 127.0.0.1 -p 18432 -U mcp -d postgres \
      -qc "CREATE DATABASE jakartamcp_cluster" > /dev/null
    export DB_CLASS_NAME=org.postgresql.ds.PGSimpleDataSource DB_URL=jdbc:postgresql://127.0.0.1:18432/jakartamcp_cluster \
      DB_USER=mcp DB_PASSWORD=mcp-password
    touch "$dir/own-postgres"
  fi
  local i
  for i in $(seq 1 "$n"); do start_node "$i" "$n" "$dir"; done
  for i in $(seq 1 "$n"); do
    local waited=0
    until grep -q "ready in" "$dir/node$i/server.log" 2> /dev/null; do
      if ! kill -0 "$(cat "$dir/node$i/pid")" 2> /dev/null || [ $waited -ge 300 ]; then
        log "node$i did not start; see $dir/node$i/server.log"
        stop "$dir"
        exit 1
      fi
      sleep 1; waited=$((waited + 1))
    done
    log "node$i ready on 127.0.0.1:$((LB_PORT + i))"
  done
  write_haproxy_config "$n" "$dir"
  haproxy -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid"
  log "HAProxy round robin on http://127.0.0.1:$LB_PORT/ over $n nodes (logs in $dir)"
}

stop() {
  local dir="${1:-$root/target/cluster}"
  [ -d "$dir" ] || return 0
  if [ -f "$dir/haproxy.pid" ]; then
    kill "$(cat "$dir/haproxy.pid")" 2> /dev/null || true
    rm -f "$dir/haproxy.pid"
  fi
  local pidfile
  for pidfile in "$dir"/node*/pid; do
    [ -f "$pidfile" ] || continue
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
    kill -9 "$pid" 2> /dev/null || true
    rm -f "$pidfile"
  done
  if [ -f "$dir/own-postgres" ]; then
    bash "$root/src/test/postgres/postgres.sh" stop
    rm -f "$dir/own-postgres"
  fi
  log "stopped"
}

case "$action" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  run)
    shift
    start "${1:?usage: cluster.sh run N}"
    trap 'stop' INT TERM
    log "Ctrl-C stops the cluster"
    while true; do sleep 3600; done
    ;;
  *) echo "usage: cluster.sh start N [DIR] | stop [DIR] | run N" >&2; exit 2 ;;
esac
