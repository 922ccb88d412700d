// CLI: `npx tsx emulator/main.ts`, configured by the environment (docs/ARCHITECTURE.md).
import { hardeningFromEnv, startEmulator } from './index.js';
import { parseRelease } from './model/release.js';

const version = process.env.MAGENTO_VERSION ?? '2.4.8';
if (parseRelease(version) === undefined) {
  console.error(`emulator: MAGENTO_VERSION must be a 2.4.6, 2.4.7, 2.4.8 or 2.4.9 release (2.4.8, 2.4.7-p6, …), not ${version}`);
  process.exit(2);
}

// Magento's web/unsecure/base_url, for links, page URLs and form actions behind a proxy.
const publicBaseUrl = process.env.EMULATOR_BASE_URL ? process.env.EMULATOR_BASE_URL.replace(/\/?$/, '/') : undefined;

const emulator = await startEmulator({
  version,
  host: process.env.EMULATOR_HOST || '127.0.0.1',
  port: Number(process.env.EMULATOR_PORT ?? 8080),
  publicBaseUrl,
  mail: {
    kind: 'smtp',
    host: process.env.SMTP_HOST || '127.0.0.1',
    port: Number(process.env.SMTP_PORT ?? 1025),
  },
  faults: (process.env.EMULATOR_FAULTS ?? '').split(',').map((name) => name.trim()).filter(Boolean),
  adminUsername: process.env.MAGENTO_ADMIN_USERNAME || undefined,
  adminPassword: process.env.MAGENTO_ADMIN_PASSWORD || undefined,
  hardening: hardeningFromEnv(process.env),
});
console.log(`emulator: Magento ${version} listening on ${emulator.url}`);

const stop = (): void => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
