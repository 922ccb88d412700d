// startEmulator: a Magento 2.4.7 / 2.4.8 REST and storefront slice on node:http (docs/ARCHITECTURE.md).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Accounts } from './model/accounts.js';
import { handleControl } from './control/control-surface.js';
import type { EmulatorState, MagentoVersion } from './model/emulator-state.js';
import { FaultSwitches } from './model/faults.js';
import { JwtIssuer } from './model/jwt.js';
import { LoginThrottle } from './model/login-throttle.js';
import type { OutgoingMail } from './mail/index.js';
import { MailDispatch } from './mail/mail-dispatch.js';
import type { MailOptions } from './mail/mail-dispatch.js';
import { ResetRequestLimiter } from './model/request-throttle.js';
import { handleRest } from './rest/rest-pipeline.js';
import { Sessions } from './model/sessions.js';
import { handleStorefront, isStorefrontPath } from './storefront/storefront-front.js';
import { StoreConfig } from './model/store-config.js';

export type SentMail = OutgoingMail;

export interface EmulatorOptions {
  version: MagentoVersion;
  host?: string;
  port?: number;
  /** Store base URL (web/unsecure/base_url) used in mail links, page URLs and form actions; default `http://host:port/`. */
  publicBaseUrl?: string;
  mail: MailOptions;
  faults?: readonly string[];
  adminUsername?: string;
  adminPassword?: string;
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
  const mail = new MailDispatch({ ...options.mail, version: options.version, storeBaseUrl }, config, faults);
  const state: EmulatorState = {
    version: options.version,
    config,
    faults,
    accounts: new Accounts(),
    resetRequests: new ResetRequestLimiter(config, faults),
    loginThrottle: new LoginThrottle(config, faults),
    jwt: new JwtIssuer(),
    mail,
    sessions: new Sessions(),
    admin: { username: options.adminUsername ?? 'exampleuser', password: options.adminPassword ?? 'examplepassword123' },
  };

  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handled = path.startsWith(`${CONTROL_PREFIX}/`)
      ? handleControl(req, res, state, path.slice(CONTROL_PREFIX.length))
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
