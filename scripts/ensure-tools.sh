#!/usr/bin/env bash
# Installs what the test run needs beyond npm: docker-compose (Debian's package validates the
# compose file without a Docker engine). Runs before `npm test`; needs root (or sudo) the first time.
set -euo pipefail
if command -v docker-compose > /dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
  (apt-get install -y docker-compose > /dev/null 2>&1) || (apt-get update > /dev/null && apt-get install -y docker-compose > /dev/null)
elif command -v sudo > /dev/null 2>&1; then
  sudo apt-get install -y docker-compose > /dev/null || (sudo apt-get update > /dev/null && sudo apt-get install -y docker-compose > /dev/null)
else
  echo "orgtrack tests need docker-compose (Debian: apt-get install docker-compose) to validate docker-compose.yml" >&2
  exit 1
fi
