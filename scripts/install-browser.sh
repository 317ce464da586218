#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian packages) for the report's browser test and screenshots.
# Does nothing when both are already there. Needs root (CI runs as root) and the Debian package mirror.
set -euo pipefail
if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver > /dev/null
chromium --version
