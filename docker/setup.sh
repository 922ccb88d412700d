#!/bin/bash
# Startup hook for michielgerritsen/magento-project-community-edition.
# The image's entrypoint.sh runs `bash ./custom-entrypoint.sh` from /data (the
# Magento root) after it has started MySQL/search/PHP and written the base URL
# from $URL; compose.yaml mounts this file there. Source: the image's
# entrypoint.sh and docs/architecture ("CUSTOM_ENTRYPOINT_COMMAND or a mounted
# custom-entrypoint.sh runs after the base URL ...").
#
# It applies docker/stack-config (mail to Mailpit, reset throttling and storefront CAPTCHA off), makes
# sure 2FA cannot block the admin REST token, cleans the config cache and only
# then writes the marker the compose healthcheck waits for.
set -euo pipefail

readonly marker=/tmp/reset-gate-setup.done
readonly stack_config=/reset-gate/stack-config
rm -f "$marker"

magento() { php bin/magento "$@"; }

while read -r path value; do
  case "$path" in '' | '#'*) continue ;; esac
  magento config:set -- "$path" "$value"
done < "$stack_config"

# The image disables 2FA at build time; this keeps the admin token working on
# tags where it did not (Magento_TwoFactorAuth takes over the admin-token route).
enabled_2fa=()
for module in Magento_AdminAdobeImsTwoFactorAuth Magento_TwoFactorAuth; do
  if magento module:status "$module" | grep 'Module is enabled' >/dev/null; then
    enabled_2fa+=("$module")
  fi
done
if ((${#enabled_2fa[@]})); then
  magento module:disable --force "${enabled_2fa[@]}"
fi

magento cache:clean config
touch "$marker"
echo "reset-gate: mail routed to mailpit:1025, reset throttling off, storefront CAPTCHA off, 2FA off"
