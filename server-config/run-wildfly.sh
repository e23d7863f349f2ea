#!/usr/bin/env bash
# Runs a WAR on the WildFly the build provisioned (target/wildfly-<version>), in the foreground,
# with a base directory of its own (configuration, deployments, logs and the H2 database in
# BASE_DIR/data/jakarta-mcp), so data survives a restart and the server the tests use stays clean.
# Usage: run-wildfly.sh JBOSS_HOME WAR BASE_DIR HTTP_PORT [more standalone.sh arguments]
set -euo pipefail
home="$1"; war="$2"; base="$3"; port="$4"; shift 4
mkdir -p "$base/configuration" "$base/deployments"
# the configuration the build wrote (standalone-mcp.xml) is copied afresh on every start
cp "$home/standalone/configuration/standalone-mcp.xml" "$home/standalone/configuration/logging.properties" \
   "$home/standalone/configuration/"*.properties "$base/configuration/"
cp "$war" "$base/deployments/"
export LAUNCH_JBOSS_IN_BACKGROUND=1
exec "$home/bin/standalone.sh" -c standalone-mcp.xml \
  -Djboss.server.base.dir="$base" -Djboss.http.port="$port" \
  -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 "$@"
