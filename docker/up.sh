#!/usr/bin/env bash
# npm run stack:docker: starts real Magento and Mailpit from docker/compose.yaml and
# returns once both report healthy. MAGENTO_VERSION names a 2.4.6-2.4.9 line or a
# release with its patch (2.4.8-p3, as the suite takes it); MAGENTO_PATCH (-p3) adds
# the patch to a bare line. The image must publish that tag (its README version matrix).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
release=${MAGENTO_VERSION:-2.4.8}
patch=${MAGENTO_PATCH:-}

if [[ ! $release =~ ^(2\.4\.[6-9])(-p[1-9][0-9]*)?$ ]]; then
  echo "MAGENTO_VERSION=$release is not supported: set it to a 2.4.6, 2.4.7, 2.4.8 or 2.4.9 release such as 2.4.8 or 2.4.8-p3" >&2
  exit 2
fi
line=${BASH_REMATCH[1]}
named_patch=${BASH_REMATCH[2]}
if [[ -n $patch && ! $patch =~ ^-p[1-9][0-9]*$ ]]; then
  echo "MAGENTO_PATCH=$patch is not a patch suffix: set it to -pN (e.g. -p3) or leave it empty for the GA release" >&2
  exit 2
fi
if [[ -n $named_patch && -n $patch && $named_patch != "$patch" ]]; then
  echo "MAGENTO_VERSION=$release and MAGENTO_PATCH=$patch disagree: set the patch in one of them" >&2
  exit 2
fi
patch=${named_patch:-$patch}

# The image publishes each Magento line only for some PHP versions (its README
# version matrix); pick the newest one the line supports unless MAGENTO_PHP says otherwise.
case "$line" in
  2.4.6) default_php=php82-fpm ;;
  2.4.7) default_php=php83-fpm ;;
  2.4.8 | 2.4.9) default_php=php84-fpm ;;
esac
export MAGENTO_VERSION=$line
export MAGENTO_PATCH=$patch
export MAGENTO_PHP=${MAGENTO_PHP:-$default_php}

if ! docker compose version >/dev/null 2>&1; then
  echo "docker compose is not available: install Docker Engine with the compose plugin (see docs/real-magento.md)" >&2
  exit 1
fi

if ! docker compose -f "$here/compose.yaml" up --detach --wait --wait-timeout "${STACK_WAIT_SECONDS:-900}"; then
  echo "the stack did not become healthy: read 'docker compose -f docker/compose.yaml logs magento'" >&2
  exit 1
fi

echo "Magento $line$patch ($MAGENTO_PHP): http://localhost:${MAGENTO_HTTP_PORT:-8088}/"
echo "Mailpit: http://localhost:${MAILPIT_HTTP_PORT:-8025}/"
