#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver for the browser tests, unless they are already there.
# Needs root (apt-get); the build runs it before the integration tests.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "The browser tests need Debian's chromium and chromium-driver: run 'sudo apt-get install chromium chromium-driver'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver > /dev/null
