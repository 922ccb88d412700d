#!/usr/bin/env bash
# npm run stack:docker:down: removes the containers, network and anonymous
# volumes of docker/compose.yaml, so the next start is a fresh store.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
docker compose -f "$here/compose.yaml" down --volumes --remove-orphans
