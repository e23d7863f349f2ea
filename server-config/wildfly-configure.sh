#!/usr/bin/env bash
# Used by the build: writes standalone-mcp.xml into a WildFly installation, from its
# standalone-microprofile.xml plus server-config/wildfly.cli, applied offline (embed-server).
# Usage: wildfly-configure.sh JBOSS_HOME
set -euo pipefail
home="$1"
here="$(cd "$(dirname "$0")" && pwd)"
config="$home/standalone/configuration"
cp "$config/standalone-microprofile.xml" "$config/standalone-mcp.xml"
script="$home/jakarta-mcp-configure.cli"
{
  echo "embed-server --server-config=standalone-mcp.xml --std-out=discard"
  cat "$here/wildfly.cli"
  echo "stop-embedded-server"
} > "$script"
JAVA_OPTS="${JAVA_OPTS:-} -Djava.io.tmpdir=$home/standalone/tmp" "$home/bin/jboss-cli.sh" --file="$script"
echo "WildFly configured: $config/standalone-mcp.xml"
