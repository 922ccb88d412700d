// CLI: `npx tsx emulator/main.ts`, configured by the environment (docs/ARCHITECTURE.md).
import { startEmulator } from './index.js';

const version = process.env.MAGENTO_VERSION ?? '2.4.8';
if (version !== '2.4.7' && version !== '2.4.8') {
  console.error(`emulator: MAGENTO_VERSION must be 2.4.7 or 2.4.8, not ${version}`);
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
