#!/usr/bin/env bash
# Used by the build: writes standalone-mcp.xml into a WildFly installation, from its
# standalone-microprofile.xml plus server-config/wildfly.cli, applied offline (embed-server).
# Usage: wildfly-configure.sh JBOSS_HOME
set -euo pipefail
home="$1"
here="$(cd "$(dirname "$0")" && pwd)"
config="$home/standalone/configuration"
script="$home/jakarta-mcp-configure.cli"
{
  echo "embed-server --server-config=standalone-mcp.xml --std-out=discard"
  cat "$here/wildfly.cli"
  echo "stop-embedded-server"
} > "$script"
# The embedded server occasionally answers the command after `reload` before the new extension is
# registered ("No resource definition is registered for address micrometer"); every attempt starts
# again from a fresh copy, so trying again is safe.
for attempt in 1 2 3; do
  cp "$config/standalone-microprofile.xml" "$config/standalone-mcp.xml"
  if JAVA_OPTS="${JAVA_OPTS:-} -Djava.io.tmpdir=$home/standalone/tmp" "$home/bin/jboss-cli.sh" --file="$script"; then
    break
  fi
  if [ "$attempt" = 3 ]; then
    echo "WildFly configuration failed three times" >&2
    exit 1
  fi
  echo "WildFly configuration failed (attempt $attempt); trying again" >&2
done
echo "WildFly configured: $config/standalone-mcp.xml"
