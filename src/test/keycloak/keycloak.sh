#!/usr/bin/env bash
# The integration tests' identity provider: a real Keycloak (start-dev, H2, loopback only) with the
# realm of mcp-realm.json, imported fresh on every start.
#
#   keycloak.sh start <keycloak-home> <pid-file>
#   keycloak.sh stop  <keycloak-home> <pid-file>
#
# The log goes to keycloak.log beside the PID file. Keycloak runs in a process group of its own (setsid):
# kc.sh keeps java as a child (it only execs java after a rebuild of the distribution), and stop ends
# both by signalling the group. start first stops a Keycloak of the same distribution left by an
# interrupted build (PID file, or the port's listener). No admin user: nothing is configured after the import.
set -euo pipefail

PORT=18180
HOST=127.0.0.1
ISSUER="http://localhost:${PORT}/realms/mcp"
DISCOVERY="http://${HOST}:${PORT}/realms/mcp/.well-known/openid-configuration"
START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-300}
STOP_TIMEOUT=60

usage() { echo "usage: $0 start|stop <keycloak-home> <pid-file>" >&2; exit 2; }
[ $# -eq 3 ] || usage
ACTION=$1
KC_HOME=$(cd "$2" 2>/dev/null && pwd || echo "$2")
PID_FILE=$3
mkdir -p "$(dirname "$PID_FILE")"
PID_FILE=$(cd "$(dirname "$PID_FILE")" && pwd)/$(basename "$PID_FILE")
LOG=$(dirname "$PID_FILE")/keycloak.log
REALM_DIR=$(cd "$(dirname "$0")" && pwd)

log() { echo "[keycloak] $*"; }

port_open() { (exec 3<>"/dev/tcp/${HOST}/${PORT}") 2>/dev/null; }

# running, not a zombie, and ours: its command line names this distribution (also after kc.sh's exec of java)
alive() {
    [ -n "${1:-}" ] && [ -r "/proc/$1/cmdline" ] || return 1
    [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ] || return 1
    tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "$KC_HOME/"
}

# the process group led by $1 still has a process of ours (java outlives a kc.sh killed with SIGKILL)
group_alive() {
    local p
    for p in $(pgrep -g "$1" 2>/dev/null); do
        alive "$p" && return 0
    done
    return 1
}

# the process group of a Keycloak of this distribution listening on the port without a PID file
# (`mvn clean` after an interrupted build); needs ss
orphan_group() {
    command -v ss >/dev/null || return 1
    local pid
    pid=$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
    alive "$pid" || return 1
    ps -o pgid= -p "$pid" | tr -d ' '
}

fail() {
    echo "[keycloak] ERROR: $*" >&2
    if [ -f "$LOG" ]; then
        echo "[keycloak] last lines of $LOG:" >&2
        tail -n 60 "$LOG" >&2
    fi
    exit 1
}

# Stops the process group this script started (the PID in the PID file leads it), then waits for the port.
stop() {
    local pid=""
    [ -f "$PID_FILE" ] && pid=$(cat "$PID_FILE")
    if alive "$pid" || group_alive "$pid"; then
        log "stopping Keycloak (process group $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        local waited=0
        while group_alive "$pid"; do
            if [ $waited -ge $STOP_TIMEOUT ]; then
                log "still running after ${STOP_TIMEOUT}s: SIGKILL"
                kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
                sleep 1
                break
            fi
            sleep 1; waited=$((waited + 1))
        done
    elif [ -n "$pid" ]; then
        log "PID $pid from $PID_FILE is not running"
    fi
    rm -f "$PID_FILE"
    local waited=0
    while port_open; do
        [ $waited -ge $STOP_TIMEOUT ] && fail "port $PORT still answers ${STOP_TIMEOUT}s after the stop"
        sleep 1; waited=$((waited + 1))
    done
}

start() {
    [ -x "$KC_HOME/bin/kc.sh" ] || fail "no Keycloak distribution in $KC_HOME"
    # a Keycloak left by an interrupted build
    if [ -f "$PID_FILE" ]; then
        stop
    fi
    local orphan
    if port_open && orphan=$(orphan_group); then
        log "a Keycloak of $KC_HOME without a PID file holds the port"
        echo "$orphan" >"$PID_FILE"
        stop
    fi
    if port_open; then
        echo "[keycloak] ERROR: port $PORT is taken by a process this script did not start (no $PID_FILE)" >&2
        exit 1
    fi

    # a fresh realm every time: the import skips a realm that already exists in the database
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import" "$KC_HOME/data/tmp"
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_DIR/mcp-realm.json" "$KC_HOME/data/import/"

    log "starting Keycloak on http://$HOST:$PORT (log: $LOG)"
    local started=$SECONDS
    # setsid: a process group of its own, for stop; no stdin and no inherited stdout, so the build does not wait on it
    setsid "$KC_HOME/bin/kc.sh" start-dev \
        --http-host "$HOST" --http-port "$PORT" \
        --hostname "http://localhost:$PORT" \
        --import-realm \
        >"$LOG" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$PID_FILE"

    local body=""
    while :; do
        if ! alive "$pid"; then
            rm -f "$PID_FILE"
            fail "Keycloak exited during startup"
        fi
        if body=$(curl -sf --max-time 5 "$DISCOVERY" 2>/dev/null); then
            break
        fi
        if [ $((SECONDS - started)) -ge "$START_TIMEOUT" ]; then
            stop >/dev/null 2>&1 || true
            fail "the realm's discovery document did not answer within ${START_TIMEOUT}s"
        fi
        sleep 1
    done
    # the import must have produced our issuer and kept the built-in scopes beside ours
    case "$body" in
        *"\"issuer\":\"$ISSUER\""*) ;;
        *) stop >/dev/null 2>&1 || true; fail "unexpected issuer (want $ISSUER): $body" ;;
    esac
    for scope in basic profile email roles offline_access users:read users:write users:delete; do
        case "$body" in
            *"\"$scope\""*) ;;
            *) stop >/dev/null 2>&1 || true; fail "scope $scope missing from the realm's scopes_supported" ;;
        esac
    done
    # warm it: a fresh Keycloak answers its first key and token requests slowly, and the first
    # integration test should not measure that against the application's timeouts
    local base="http://${HOST}:${PORT}/realms/mcp/protocol/openid-connect"
    curl -sf --max-time 60 -o /dev/null "$base/certs" || log "warm-up: the key set did not answer"
    curl -sf --max-time 60 -o /dev/null -u mcp-test-machine:machine-secret -d grant_type=client_credentials "$base/token" \
        || log "warm-up: no token for mcp-test-machine"
    log "Keycloak is up after $((SECONDS - started))s: $ISSUER (PID $pid)"
}

case "$ACTION" in
    start) start ;;
    stop) stop; log "stopped" ;;
    *) usage ;;
esac
