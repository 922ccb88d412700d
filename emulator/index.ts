// startEmulator: a Magento 2.4.6 … 2.4.9 REST, GraphQL and storefront slice on node:http (docs/ARCHITECTURE.md).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Accounts } from './model/accounts.js';
import { handleControl } from './control/control-surface.js';
import { handleGraphQl } from './graphql/graphql-pipeline.js';
import type { EmulatorState } from './model/emulator-state.js';
import { FaultSwitches } from './model/faults.js';
import { JwtIssuer } from './model/jwt.js';
import { LoginThrottle } from './model/login-throttle.js';
import type { OutgoingMail } from './mail/index.js';
import { MailDispatch } from './mail/mail-dispatch.js';
import type { MailOptions } from './mail/mail-dispatch.js';
import { jwtNewestKeyOnly, release } from './model/release.js';
import { ResetRequestLimiter } from './model/request-throttle.js';
import { handleRest } from './rest/rest-pipeline.js';
import { applyHardening, type Hardening } from './model/hardening.js';
import { Integrations } from './model/integrations.js';
import { StoreLease } from './model/store-lease.js';
import { TwoFactorAuth } from './model/two-factor.js';
import { Sessions } from './model/sessions.js';
import { handleStorefront, isStorefrontPath } from './storefront/storefront-front.js';
import { StoreConfig } from './model/store-config.js';

export type SentMail = OutgoingMail;
export type { Hardening } from './model/hardening.js';
export { hardeningFromEnv } from './hardening-env.js';

export interface EmulatorOptions {
  /** The release to answer as: `2.4.8`, `2.4.7-p6`, … (model/release.ts). */
  version: string;
  host?: string;
  port?: number;
  /** Store base URL (web/unsecure/base_url) used in mail links, page URLs and form actions; default `http://host:port/`. */
  publicBaseUrl?: string;
  mail: MailOptions;
  faults?: readonly string[];
  adminUsername?: string;
  adminPassword?: string;
  /** 2FA, reCAPTCHA and an integration token set up at start (model/hardening.ts). */
  hardening?: Hardening;
}

export interface RunningEmulator {
  url: string;
  sentMail: readonly SentMail[];
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__emulator';
// Magento's default SMTP port, for capture mode where no SMTP server is configured.
const DEFAULT_SMTP_PORT = 25;

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const emulated = release(options.version);
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const storeBaseUrl = options.publicBaseUrl ?? `${url}/`;

  const config = new StoreConfig(options.mail.kind === 'smtp' ? options.mail.port : DEFAULT_SMTP_PORT);
  const faults = new FaultSwitches(options.faults);
  const mail = new MailDispatch({ ...options.mail, release: emulated, storeBaseUrl }, config, faults);
  const state: EmulatorState = {
    release: emulated,
    config,
    faults,
    accounts: new Accounts(),
    resetRequests: new ResetRequestLimiter(config, faults),
    loginThrottle: new LoginThrottle(config, faults),
    jwt: new JwtIssuer(jwtNewestKeyOnly(emulated)),
    mail,
    sessions: new Sessions(),
    admin: { username: options.adminUsername ?? 'exampleuser', password: options.adminPassword ?? 'examplepassword123' },
    twoFactor: new TwoFactorAuth(config),
    integrations: new Integrations(config),
    storeLease: new StoreLease(),
  };
  applyHardening(state, options.hardening ?? {});

  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isGraphQl = path === '/graphql' && (req.method === 'POST' || req.method === 'GET');
    const handled = path.startsWith(`${CONTROL_PREFIX}/`)
      ? handleControl(req, res, state, path.slice(CONTROL_PREFIX.length))
      : isGraphQl
        ? handleGraphQl(req, res, state)
        : isStorefrontPath(path)
          ? handleStorefront(req, res, state, storeBaseUrl)
        : handleRest(req, res, state, storeBaseUrl);
    handled.catch((error: unknown) => {
      console.error('emulator: request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return {
    url,
    sentMail: mail.captured,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
