#!/usr/bin/env bash
# Prints, at the very end of the integration phase, which integration tests failed or erred, per server, with the first line of each reason. CI shows only the tail of a
# build's output, where the servers' logs would otherwise hide the Payara run's results.
#
#   it-summary.sh <failsafe-reports-dir>
set -uo pipefail
DIR=${1:?usage: $0 <failsafe-reports-dir>}
for server in payara wildfly; do
    reports="$DIR/$server"
    [ -d "$reports" ] || continue
    summary="$reports/failsafe-summary.xml"
    counts=""
    [ -f "$summary" ] && counts=$(tr -d '\n' <"$summary" | sed -E 's/.*<completed>([0-9]+).*<errors>([0-9]+).*<failures>([0-9]+).*<skipped>([0-9]+).*/run \1, errors \2, failures \3, skipped \4/')
    echo "[it-summary] $server: ${counts:-no summary}"
    # the per-class text reports mark each failing or flaky test with <<<, the reason follows on the next line
    grep -h -A1 -E '<<< (FAILURE|ERROR)!|\[flaky\]|Flakes' "$reports"/*.txt 2>/dev/null \
        | grep -v '^--$' | cut -c1-300 | head -n 40 | sed "s/^/[it-summary] $server: /"
done
exit 0
