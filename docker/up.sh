#!/usr/bin/env bash
# npm run stack:docker: starts real Magento (MAGENTO_VERSION 2.4.7 or 2.4.8) and
# Mailpit from docker/compose.yaml and returns once both report healthy.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version=${MAGENTO_VERSION:-2.4.8}

# The image publishes each Magento line only for some PHP versions (its README
# version matrix); pick the newest one unless MAGENTO_PHP says otherwise.
case "$version" in
  2.4.7) default_php=php83-fpm ;;
  2.4.8) default_php=php84-fpm ;;
  *) echo "MAGENTO_VERSION=$version is not supported: set it to 2.4.7 or 2.4.8" >&2; exit 2 ;;
esac
export MAGENTO_VERSION=$version
export MAGENTO_PHP=${MAGENTO_PHP:-$default_php}

if ! docker compose version >/dev/null 2>&1; then
  echo "docker compose is not available: install Docker Engine with the compose plugin (see docs/real-magento.md)" >&2
  exit 1
fi

if ! docker compose -f "$here/compose.yaml" up --detach --wait --wait-timeout "${STACK_WAIT_SECONDS:-900}"; then
  echo "the stack did not become healthy: read 'docker compose -f docker/compose.yaml logs magento'" >&2
  exit 1
fi

echo "Magento $version${MAGENTO_PATCH:-} ($MAGENTO_PHP): http://localhost:${MAGENTO_HTTP_PORT:-8088}/"
echo "Mailpit: http://localhost:${MAILPIT_HTTP_PORT:-8025}/"
