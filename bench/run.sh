#!/usr/bin/env bash
# The throughput benchmark of issue 8, section 5: this server against the official MCP Java SDK 2.1.0 servlet
# transport and a bare JAX-RS endpoint, on one Payara Micro, loaded with wrk in interleaved rounds.
# See the "Benchmark" section of README.md. Not part of `mvn verify`.
#
#   bash bench/run.sh                         # 3 rounds of 15 s per server and operation
#   ROUNDS=5 DURATION=20 bash bench/run.sh
#
# Settings (environment variables, defaults in brackets):
#   ROUNDS [3]  DURATION [15] seconds per measurement
#   WARMUP [30] seconds per server and operation, discarded (10 s per operation left round 1 up to 2x low)
#   CONNECTIONS [16]  THREADS [2]  (wrk)                OPS ["tools/call tools/list initialize"]
#   HEAP ["-Xms2g -Xmx2g"] the same for every server   SESSIONS [20000] idle sessions for the heap measurement (0: skip)
#   PORT_OURS [18081] PORT_SDK [18082] PORT_BARE [18083] (127.0.0.1 only)
#   BUILD [auto]: auto builds what is missing or older than its sources; always; never
#   OURS_PROPS: extra -D options for this server (its limits are raised below so the benchmark measures
#               throughput, not refusals)
#   LOCK [/tmp/jakarta-mcp-server.lock] LOCK_WAIT [7200] seconds: every server start and load runs under flock
#   START_TIMEOUT [240] seconds for a server to print "ready in"
# Output: a directory under bench/target/runs/ with every server log, wrk output and results.tsv.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
OPS=${OPS:-"tools/call tools/list initialize"}
HEAP=${HEAP:-"-Xms2g -Xmx2g"}
SESSIONS=${SESSIONS:-20000}
PORT_OURS=${PORT_OURS:-18081}
PORT_SDK=${PORT_SDK:-18082}
PORT_BARE=${PORT_BARE:-18083}
BUILD=${BUILD:-auto}
LOCK=${LOCK:-/tmp/jakarta-mcp-server.lock}
LOCK_WAIT=${LOCK_WAIT:-7200}
START_TIMEOUT=${START_TIMEOUT:-240}
TOOL=test_simple_text
TOOL_TEXT="This is a simple text response for testing."
# The session record of this server, counted in the heap histogram to know how many sessions exist.
SESSION_CLASS=${SESSION_CLASS:-dev.jakartamcp.mcp.server.control.McpSession}
# This server's limits, raised for the benchmark: the initialize runs create over a million sessions from one
# address (default cap 10000, 1000 per client, 20 new per second; a run once reached a cap of 1000000 in its third
# round and measured fast 503s), and wrk drives one session from 16 connections (default 16 concurrent requests
# and 200 per second per session). The limits stay switched on, with rates too high to reach, so their cost is in
# the figures; the SDK has none.
OURS_PROPS="-Dmcp.conformance.enabled=true -Dmcp.session.max-sessions=4000000 -Dmcp.session.max-per-client=4000000
 -Dmcp.rate.sessions-per-second=1000000000 -Dmcp.rate.sessions-burst=1000000000
 -Dmcp.rate.requests-per-second=1000000000 -Dmcp.rate.requests-burst=1000000000
 -Dmcp.session.max-concurrent-requests=256 ${OURS_PROPS:-}"
OURS_PROPS=${OURS_PROPS//$'\n'/}

SERVERS=(ours sdk bare)
declare -A PORT=([ours]=$PORT_OURS [sdk]=$PORT_SDK [bare]=$PORT_BARE)
declare -A MCP_PATH=([ours]=/conformance/mcp [sdk]=/mcp [bare]=/mcp)
declare -A WAR=([ours]=$ROOT/target/jakarta-mcp.war [sdk]=$BENCH/sdk-server/target/sdk-server.war
                [bare]=$BENCH/bare-jaxrs/target/bare-jaxrs.war)
MICRO=$ROOT/target/payara-micro.jar

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

for tool in java mvn wrk curl jcmd jmap flock awk; do
    command -v $tool >/dev/null || die "$tool is not installed (wrk: apt-get install -y wrk)"
done

# ---------------------------------------------------------------- build (outside the lock)
stale() {   # stale ARTIFACT DIR: true when ARTIFACT is missing or older than DIR's pom or sources
    [ "$BUILD" = always ] && return 0
    [ "$BUILD" = never ] && return 1
    [ ! -f "$1" ] && return 0
    [ -n "$(find "$2/pom.xml" "$2/src" -newer "$1" -print -quit 2>/dev/null)" ]
}
if [ -z "${BENCH_LOCKED:-}" ]; then
    if stale "${WAR[ours]}" "$ROOT" || [ ! -f "$MICRO" ]; then
        log "building the product (mvn -q -DskipTests package)"
        (cd "$ROOT" && mvn -q -DskipTests package) || die "the product's build"
    fi
    for b in sdk bare; do
        dir=$(dirname "$(dirname "${WAR[$b]}")")
        if stale "${WAR[$b]}" "$dir"; then
            log "building $(basename "$dir")"
            (cd "$dir" && mvn -q package) || die "the build of $dir"
        fi
    done
    for s in "${SERVERS[@]}"; do [ -f "${WAR[$s]}" ] || die "${WAR[$s]} is missing"; done
    [ -f "$MICRO" ] || die "$MICRO is missing"
    log "waiting for $LOCK (one server or benchmark at a time on this machine; up to ${LOCK_WAIT}s)"
    rc=0
    BENCH_LOCKED=1 flock -w "$LOCK_WAIT" -E 75 "$LOCK" bash "${BASH_SOURCE[0]}" "$@" || rc=$?
    [ "$rc" = 75 ] && die "$LOCK still held by someone else after ${LOCK_WAIT}s"
    exit "$rc"
fi

# ---------------------------------------------------------------- from here on, under the lock
STARTED=$(date +%s)
OUT=$BENCH/target/runs/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
printf 'round\tserver\top\trps\tp50_ms\tp99_ms\tnon2xx\terrors\tother_cpu_pct\n' > "$RESULTS"
log "lock acquired; output in ${OUT#$ROOT/}"

declare -A PID=()
stop_all() {
    local s p
    for s in "${!PID[@]}"; do
        p=${PID[$s]}
        if kill -0 "$p" 2>/dev/null; then
            log "stopping $s (pid $p)"
            kill -TERM "$p" 2>/dev/null || true
        fi
    done
    for s in "${!PID[@]}"; do
        p=${PID[$s]}
        for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
        if kill -0 "$p" 2>/dev/null; then log "killing $s (pid $p)"; kill -KILL "$p" 2>/dev/null || true; fi
    done
    PID=()
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

url() { echo "http://127.0.0.1:${PORT[$1]}${MCP_PATH[$1]}"; }

start_server() {   # start_server NAME [JAVA OPTIONS...]
    local s=$1; shift
    local dir=$OUT/$s
    mkdir -p "$dir/tmp"
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${PORT[$s]}/"; then
        die "port ${PORT[$s]} already answers: something else runs there (set PORT_${s^^})"
    fi
    log "starting $s on 127.0.0.1:${PORT[$s]} ($(basename "${WAR[$s]}"), $HEAP)"
    # shellcheck disable=SC2086
    java $HEAP -XX:+UseG1GC -Djava.io.tmpdir="$dir/tmp" "$@" -jar "$MICRO" \
        --deploy "${WAR[$s]}" --contextroot / --port "${PORT[$s]}" --nocluster --rootdir "$dir/root" \
        > "$dir/server.log" 2>&1 &
    PID[$s]=$!
    echo "$s ${PID[$s]}" >> "$OUT/pids"
    local deadline=$(( $(date +%s) + START_TIMEOUT ))
    until grep -q "ready in" "$dir/server.log"; do
        kill -0 "${PID[$s]}" 2>/dev/null || { tail -30 "$dir/server.log" >&2; die "$s exited during start (log: $dir/server.log)"; }
        [ "$(date +%s)" -lt "$deadline" ] || { tail -30 "$dir/server.log" >&2; die "$s not ready after ${START_TIMEOUT}s"; }
        sleep 1
    done
    log "$s: $(grep -o 'ready in [0-9,]* (ms)' "$dir/server.log" | head -1), pid ${PID[$s]}"
}

post() {   # post SERVER BODY [SESSION] -> writes $OUT/last.headers and $OUT/last.body, echoes the status
    local h=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'
             -H 'MCP-Protocol-Version: 2025-11-25')
    [ -n "${3:-}" ] && h+=(-H "Mcp-Session-Id: $3")
    curl -s --max-time 10 -o "$OUT/last.body" -D "$OUT/last.headers" -w '%{http_code}' "${h[@]}" \
        --data-binary "$2" "$(url "$1")" || true
}

INIT_BODY='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1.0"}}}'
declare -A SESSION=()
open_session() {   # initialize + notifications/initialized; the session id goes to SESSION[server]
    local s=$1 code sid
    code=$(post "$s" "$INIT_BODY")
    [ "$code" = 200 ] || die "$s: initialize answered HTTP $code: $(head -c 300 "$OUT/last.body")"
    sid=$(awk 'tolower($1)=="mcp-session-id:" {print $2}' "$OUT/last.headers" | tr -d '\r')
    [ -n "$sid" ] || die "$s: initialize returned no Mcp-Session-Id"
    code=$(post "$s" '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$sid")
    [ "$code" = 202 ] || die "$s: notifications/initialized answered HTTP $code"
    SESSION[$s]=$sid
}

session_for() {   # session_for SERVER OP: the session id to send (none with initialize)
    [ "$2" = initialize ] || echo "${SESSION[$1]}"
}

body_of() {   # the JSON-RPC message of the last response, whether plain JSON or SSE (the last data: line)
    if grep -qi '^content-type: *text/event-stream' "$OUT/last.headers"; then
        grep '^data: {' "$OUT/last.body" | tail -1 | sed 's/^data: //'
    else
        cat "$OUT/last.body"
    fi
}

request_body() {   # request_body OP ID
    case $1 in
        tools/call) echo "{\"jsonrpc\":\"2.0\",\"id\":$2,\"method\":\"tools/call\",\"params\":{\"name\":\"$TOOL\",\"arguments\":{}}}" ;;
        tools/list) echo "{\"jsonrpc\":\"2.0\",\"id\":$2,\"method\":\"tools/list\"}" ;;
        initialize) echo "$INIT_BODY" | sed "s/\"id\":1/\"id\":$2/" ;;
        *) die "unknown operation $1" ;;
    esac
}
expected_text() {
    case $1 in
        tools/call) echo "\"text\":\"$TOOL_TEXT\"" ;;
        tools/list) echo "\"name\":\"$TOOL\"" ;;
        initialize) echo '"protocolVersion":"2025-11-25"' ;;
    esac
}

check() {   # check SERVER OP: one request, HTTP 200 and the expected result, before any load
    local s=$1 op=$2 code msg
    code=$(post "$s" "$(request_body "$op" 7)" "$(session_for "$s" "$op")")
    msg=$(body_of)
    [ "$code" = 200 ] || die "$s $op: HTTP $code: $(head -c 300 "$OUT/last.body")"
    case $msg in
        *'"error"'*) die "$s $op: a JSON-RPC error: ${msg:0:300}" ;;
        *"$(expected_text "$op")"*) ;;
        *) die "$s $op: the answer lacks $(expected_text "$op"): ${msg:0:300}" ;;
    esac
    log "$s $op: HTTP 200, $(grep -i '^content-type' "$OUT/last.headers" | tr -d '\r' | cut -d' ' -f2-), ${#msg} bytes of JSON-RPC"
}

capture_results() {   # the product's results, byte for byte, for the bare endpoint to answer
    local op msg result id=7
    mkdir -p "$OUT/results"
    for op in initialize tools/list tools/call; do
        post ours "$(request_body "$op" $id)" "$(session_for ours "$op")" > /dev/null
        msg=$(body_of)
        result=${msg#"{\"jsonrpc\":\"2.0\",\"id\":$id,\"result\":"}
        result=${result%\}}
        [ "{\"jsonrpc\":\"2.0\",\"id\":$id,\"result\":$result}" = "$msg" ] \
            || die "ours $op: the response is not {\"jsonrpc\",\"id\",\"result\"} in that order; the bare endpoint cannot mirror it: ${msg:0:200}"
        printf '%s' "$result" > "$OUT/results/${op/\//-}.json"
    done
}

cpu_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }   # all cores, in clock ticks
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)

run_wrk() {   # run_wrk SERVER OP SECONDS FILE -> the BENCH line, plus other_cpu=% (CPU used by anything but this
              # server and wrk during the run, in % of all cores: how quiet the machine was)
    local s=$1 op=$2 secs=$3 file=$4 t0 p0 t1 p1 w0 w1 TIMEFORMAT='%U %S'
    kill -0 "${PID[$s]}" 2>/dev/null || die "$s (pid ${PID[$s]}) is gone; see $OUT/$s/server.log"
    t0=$(cpu_busy); p0=$(cpu_of "${PID[$s]}"); w0=$(date +%s%N)
    { time BENCH_METHOD=$op BENCH_SESSION=${SESSION[$s]} BENCH_TOOL=$TOOL \
        timeout --foreground $((secs + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s \
        -s "$BENCH/wrk/mcp.lua" "$(url "$s")" > "$file" 2>&1; } 2> "$file.cpu" \
        || die "wrk failed against $s $op: $(tail -5 "$file")"
    t1=$(cpu_busy); p1=$(cpu_of "${PID[$s]}"); w1=$(date +%s%N)
    kill -0 "${PID[$s]}" 2>/dev/null || die "$s (pid ${PID[$s]}) died under load; see $OUT/$s/server.log"
    local line other
    line=$(grep '^BENCH ' "$file") || die "no BENCH line from wrk ($file)"
    other=$(awk -v t=$((t1 - t0)) -v p=$((p1 - p0)) -v hz="$CLK_TCK" -v n="$NCPU" -v ns=$((w1 - w0)) '
        {w = ($1 + $2) * hz; o = (t - p - w) / (ns / 1e9 * hz * n) * 100; printf "%.0f", o < 0 ? 0 : o}' "$file.cpu")
    echo "$line other_cpu=$other"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }

heap_live() {   # heap_live PID -> "TOTAL_BYTES SESSION_INSTANCES" after a full GC (jmap -histo:live forces one)
    local f=$OUT/histo.$2
    timeout --foreground 120 jmap -histo:live "$1" > "$f" || die "jmap -histo:live $1"
    awk -v cls="$SESSION_CLASS" '$4==cls {n=$2} /^Total/ {t=$3} END {print t+0, n+0}' "$f"
}

measure_session_heap() {
    local pid=${PID[ours]} before after line
    log "heap per idle session: $SESSIONS sessions (initialize + notifications/initialized) on ours"
    local w=(java -Xmx256m "$BENCH/tools/CreateSessions.java" "$(url ours)")
    timeout --foreground 600 "${w[@]}" 500 > "$OUT/sessions-warm.txt" 2>&1 || die "session warm-up: $(tail -3 "$OUT/sessions-warm.txt")"
    jcmd "$pid" GC.run > /dev/null
    before=$(heap_live "$pid" before)
    timeout --foreground 1200 "${w[@]}" "$SESSIONS" > "$OUT/sessions.txt" 2>&1 || die "session creation: $(tail -3 "$OUT/sessions.txt")"
    line=$(grep '^SESSIONS' "$OUT/sessions.txt") || die "no SESSIONS line ($OUT/sessions.txt)"
    jcmd "$pid" GC.run > /dev/null
    after=$(heap_live "$pid" after)
    local b_bytes=${before% *} b_n=${before#* } a_bytes=${after% *} a_n=${after#* }
    local n=$((a_n - b_n))
    if [ "$n" -le 0 ]; then   # the session class is gone or renamed: fall back to wrk's count
        n=$(field created "$line")
        log "no $SESSION_CLASS instances in the histogram (set SESSION_CLASS); using wrk's count"
    fi
    PER_SESSION=$(( (a_bytes - b_bytes) / n ))
    log "sessions: $line; live heap $b_bytes -> $a_bytes bytes for $n more sessions: $PER_SESSION bytes per idle session"
    printf 'sessions\t%s\nlive_heap_before\t%s\nlive_heap_after\t%s\nbytes_per_session\t%s\n' \
        "$n" "$b_bytes" "$a_bytes" "$PER_SESSION" > "$OUT/session-heap.tsv"
    # the classes that grew most, for whoever wants to shrink a session
    awk 'FNR==NR && $1 ~ /:$/ {b[$4]=$3; next} $1 ~ /:$/ {d=$3-b[$4]; if (d>0) print d, $2, $4}' \
        "$OUT/histo.before" "$OUT/histo.after" | sort -rn \
        | awk -v n="$n" 'BEGIN {print "  bytes/session  class"} NR <= 12 {printf "  %13.1f  %s\n", $1/n, $3}' | tee "$OUT/session-heap-classes.txt" >&2
}

# ---------------------------------------------------------------- start, check, warm up
log "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); other java processes: $(pgrep -c java || true)"
# the audit log as the run command keeps it: its own rotating files (through the server log it costs a third of
# tools/call's throughput)
# shellcheck disable=SC2086
start_server ours $OURS_PROPS "-Daudit.file=$OUT/ours/audit/audit-%g.jsonl"
open_session ours
for op in $OPS; do check ours "$op"; done
capture_results
PER_SESSION=skipped
if [ "$SESSIONS" -gt 0 ]; then measure_session_heap; fi
start_server sdk
start_server bare "-Dbench.results.dir=$OUT/results"
for s in sdk bare; do
    open_session "$s"
    for op in $OPS; do check "$s" "$op"; done
done
for op in $OPS; do    # the bare endpoint answers the product's bytes
    post ours "$(request_body "$op" 7)" "$(session_for ours "$op")" > /dev/null; a=$(body_of)
    post bare "$(request_body "$op" 7)" "$(session_for bare "$op")" > /dev/null; b=$(body_of)
    [ "$a" = "$b" ] || die "bare $op differs from ours: ${b:0:200} vs ${a:0:200}"
done

for s in "${SERVERS[@]}"; do
    log "warming up $s: ${WARMUP}s per operation"
    for op in $OPS; do
        line=$(run_wrk "$s" "$op" "$WARMUP" "$OUT/warmup-$s-${op/\//-}.txt")
        log "  warm-up $s $op: $(field rps "$line") req/s, non-2xx $(field non2xx "$line"), errors $(field errors "$line"), other processes' CPU $(field other_cpu "$line")%"
    done
done

# ---------------------------------------------------------------- rounds
for r in $(seq 1 "$ROUNDS"); do
    # rotate who goes first, so no server always runs right after the same neighbour
    order=("${SERVERS[@]:$(( (r - 1) % 3 ))}" "${SERVERS[@]:0:$(( (r - 1) % 3 ))}")
    log "round $r of $ROUNDS (order: ${order[*]})"
    for op in $OPS; do
        for s in "${order[@]}"; do
            line=$(run_wrk "$s" "$op" "$DURATION" "$OUT/round$r-$s-${op/\//-}.txt")
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$s" "$op" "$(field rps "$line")" "$(field p50_ms "$line")" \
                "$(field p99_ms "$line")" "$(field non2xx "$line")" "$(field errors "$line")" "$(field other_cpu "$line")" >> "$RESULTS"
            log "  $op $s: $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, non-2xx $(field non2xx "$line"), socket errors $(field errors "$line"), other processes' CPU $(field other_cpu "$line")%"
        done
    done
done

for s in "${SERVERS[@]}"; do
    jcmd "${PID[$s]}" GC.heap_info > "$OUT/heap-info-$s.txt" 2>&1 || true
done
stop_all

# ---------------------------------------------------------------- summary
{
echo
echo "Per round (req/s, p50/p99 ms, non-2xx, socket errors, CPU used by other processes in % of all cores):"
awk -F'\t' 'NR>1 {printf "  round %s  %-10s  %-4s  %9.0f req/s  p50 %7.3f  p99 %7.3f  non-2xx %s  errors %s  other CPU %s%%\n", $1, $3, $2, $4, $5, $6, $7, $8, $9}' "$RESULTS"
echo
echo "Medians over $ROUNDS round(s) of ${DURATION}s, $CONNECTIONS connections, $THREADS wrk threads, $(nproc) cores:"
awk -F'\t' -v ops="$OPS" '
    function median(key,   n, i, j, t, v) {
        n = split(vals[key], v, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j-1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    NR > 1 {
        for (c = 4; c <= 6; c++) vals[$3 SUBSEP $2 SUBSEP c] = vals[$3 SUBSEP $2 SUBSEP c] " " $c
        bad[$3 SUBSEP $2] += $7 + $8
    }
    END {
        printf "| operation | ours req/s | SDK req/s | bare req/s | ours/SDK | ours/bare | p50 ms ours / SDK / bare | p99 ms ours / SDK / bare | non-2xx + errors |\n"
        printf "|---|---|---|---|---|---|---|---|---|\n"
        n = split(ops, o, " ")
        for (i = 1; i <= n; i++) {
            op = o[i]
            ro = median(op SUBSEP "ours" SUBSEP 4); rs = median(op SUBSEP "sdk" SUBSEP 4); rb = median(op SUBSEP "bare" SUBSEP 4)
            printf "| `%s` | %.0f | %.0f | %.0f | %.2f× | %.2f× | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %d / %d / %d |\n", op, ro, rs, rb,
                rs ? ro / rs : 0, rb ? ro / rb : 0,
                median(op SUBSEP "ours" SUBSEP 5), median(op SUBSEP "sdk" SUBSEP 5), median(op SUBSEP "bare" SUBSEP 5),
                median(op SUBSEP "ours" SUBSEP 6), median(op SUBSEP "sdk" SUBSEP 6), median(op SUBSEP "bare" SUBSEP 6),
                bad[op SUBSEP "ours"], bad[op SUBSEP "sdk"], bad[op SUBSEP "bare"]
            anybad += bad[op SUBSEP "ours"] + bad[op SUBSEP "sdk"] + bad[op SUBSEP "bare"]
        }
        if (anybad) printf "\nWARNING: some measurements had non-2xx answers or socket errors: their req/s count refusals, not work; do not quote them\n"
    }' "$RESULTS"
echo
awk -F'\t' 'NR>1 {s += $9; n++; if ($9 > m) m = $9} END {if (n) printf "CPU used by other processes during the measurements: mean %.0f%%, max %.0f%% of all cores (0 = a quiet machine)\n", s / n, m}' "$RESULTS"
echo "Heap per idle session (ours, $SESSIONS sessions, live heap after a full GC): $PER_SESSION bytes"
echo "Took $(( ($(date +%s) - STARTED) / 60 )) min $(( ($(date +%s) - STARTED) % 60 )) s under the lock; everything is in ${OUT#$ROOT/}"
} | tee "$OUT/summary.txt"
