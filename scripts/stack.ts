// `npm run stack`: Mailpit + the Magento emulator in the foreground; Ctrl-C stops both.
// With --embedded (used by the suite's global setup) it takes free ports, prints one JSON line when ready,
// and exits when its parent closes stdin, so nothing outlives the test run.
import { hardeningFromEnv, startEmulator } from '../emulator/index.js';
import { parseRelease } from '../emulator/model/release.js';
import { assertPortFree, startMailpit } from './mailpit.js';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

function versionFromEnv(): string {
  const raw = process.env.MAGENTO_VERSION || '2.4.8';
  if (parseRelease(raw) === undefined) {
    throw new Error(`MAGENTO_VERSION must be a 2.4.6, 2.4.7, 2.4.8 or 2.4.9 release, e.g. 2.4.8 or 2.4.7-p6 (got "${raw}")`);
  }
  return raw;
}

const embedded = process.argv.includes('--embedded');

/** Magento's web/unsecure/base_url: absolute http(s), with the trailing slash Magento keeps. */
function baseUrlFromEnv(): string | undefined {
  const raw = process.env.EMULATOR_BASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`EMULATOR_BASE_URL must be an absolute URL such as https://shop.example.test/ (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`EMULATOR_BASE_URL must be http or https (got "${raw}")`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

async function main(): Promise<void> {
  const version = versionFromEnv();
  // The embedded stack's ports are free ones, so no proxy can stand in front of it.
  const publicBaseUrl = embedded ? undefined : baseUrlFromEnv();
  const ports = {
    MAILPIT_HTTP_PORT: embedded ? 0 : portFromEnv('MAILPIT_HTTP_PORT', 8025),
    MAILPIT_SMTP_PORT: embedded ? 0 : portFromEnv('MAILPIT_SMTP_PORT', 1025),
    EMULATOR_PORT: embedded ? 0 : portFromEnv('EMULATOR_PORT', 8080),
  };
  // a taken port would let Mailpit exit at start while whatever holds the port answers in its place
  for (const [variable, port] of Object.entries(ports)) if (port !== 0) await assertPortFree(port, variable);
  const mailpit = await startMailpit({ httpPort: ports.MAILPIT_HTTP_PORT, smtpPort: ports.MAILPIT_SMTP_PORT });
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      version,
      host: '127.0.0.1',
      port: ports.EMULATOR_PORT,
      publicBaseUrl,
      mail: { kind: 'smtp', host: '127.0.0.1', port: mailpit.smtpPort },
      faults: (process.env.EMULATOR_FAULTS ?? '').split(',').map((f) => f.trim()).filter(Boolean),
      adminUsername: process.env.MAGENTO_ADMIN_USERNAME || 'exampleuser',
      adminPassword: process.env.MAGENTO_ADMIN_PASSWORD || 'examplepassword123',
      hardening: hardeningFromEnv(process.env),
    });
  } catch (error) {
    await mailpit.stop();
    throw error;
  }

  let stopping = false;
  const stop = async (exitCode = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await emulator.close();
    await mailpit.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // neither half runs without the other: a dead child stops the stack, and an emulator crash stops Mailpit
  void mailpit.exited.then((how) => {
    if (stopping) return;
    console.error(`stack: Mailpit exited (${how}); stopping the emulator`);
    void stop(1);
  });
  process.on('uncaughtException', (error) => {
    console.error(`stack: the emulator crashed (${error.message.split('\n')[0]}); stopping Mailpit`);
    void stop(1);
  });

  if (embedded) {
    process.stdin.on('end', () => void stop());
    process.stdin.resume();
    console.log(JSON.stringify({ magentoBaseUrl: emulator.url, mailpitUrl: mailpit.url, version }));
  } else {
    const storeUrl = publicBaseUrl?.replace(/\/$/, '') ?? emulator.url;
    console.log(`Magento ${version} emulator: ${emulator.url}${publicBaseUrl ? ` (store base URL ${publicBaseUrl})` : ''}`);
    console.log(`Mailpit: ${mailpit.url} (SMTP 127.0.0.1:${mailpit.smtpPort})`);
    console.log(`Run the suite against it: MAGENTO_BASE_URL=${storeUrl} MAILPIT_URL=${mailpit.url} npm run e2e`);
    console.log('Ctrl-C stops both.');
  }
}

main().catch((error: unknown) => {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  // embedded, the suite's global setup prints the line (once); the JSON keeps it apart from progress on stderr
  if (embedded) console.log(JSON.stringify({ error: message }));
  else console.error(`stack: ${message}`);
  process.exit(1);
});
