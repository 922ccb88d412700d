import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { MailpitClient } from 'mailpit-api';
import { readConfig, type SuiteConfig } from '../../fixtures/config.js';
import { MagentoClient } from '../../fixtures/magento/client.js';
import { ExchangeLog } from '../../fixtures/magento/exchange-log.js';
import {
  checkAdminAccess,
  checkEmulatedVersion,
  checkMagentoReachable,
  checkMailArrives,
  checkMailpitReachable,
  checkRecaptcha,
  obtainAdminToken,
} from '../../fixtures/preflight.js';
import { loadStoreProfile } from '../../fixtures/store-profile.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A throwaway HTTP server on a free loopback port that answers like Magento or Mailpit would. */
async function fakeServer(handler: Handler): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url}`);
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback URL nothing listens on: a server bound to a free port, then closed. */
async function closedUrl(): Promise<string> {
  const server = await fakeServer(() => undefined);
  await server.close();
  return server.url;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

const configFor = (url: string): SuiteConfig => readConfig({ MAGENTO_BASE_URL: url, MAILPIT_URL: url, MAIL_WAIT_TIMEOUT_MS: '500' });

test.describe('preflight', () => {
  test('Magento REST answering its JSON 404 for an unknown route passes', async () => {
    const magento = await fakeServer((_, __, response) => json(response, 404, { message: 'Request does not match any route.' }));
    await expect(checkMagentoReachable(configFor(magento.url))).resolves.toBeUndefined();
    expect(magento.seen).toStrictEqual(['GET /rest/default/V1/preflight/no-such-route']);
    await magento.close();
  });

  test('nothing listening: one line naming the URL and the refusal', async () => {
    const url = await closedUrl();
    await expect(checkMagentoReachable(configFor(url))).rejects.toThrow(
      new RegExp(`^Magento is not reachable at ${url} \\(ECONNREFUSED\\): start the store or set MAGENTO_BASE_URL to its base URL$`),
    );
  });

  test('a web page instead of REST: says to check the base URL and store code', async () => {
    const site = await fakeServer((_, __, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>shop</html>');
    });
    await expect(checkMagentoReachable(configFor(site.url))).rejects.toThrow(
      new RegExp(`^${site.url} does not answer like Magento REST \\(GET /rest/default/V1/… gave 200 text/html\\): check MAGENTO_BASE_URL and MAGENTO_STORE_CODE$`),
    );
    await site.close();
  });

  test('an emulator of another Magento version: says which variable to set', async () => {
    const emulator = await fakeServer((_, __, response) => json(response, 200, { emulator: 'magento-emulator', version: '2.4.7', faults: [] }));
    await expect(checkEmulatedVersion(configFor(emulator.url))).rejects.toThrow(
      new RegExp(`^${emulator.url} emulates Magento 2\\.4\\.7 but the suite expects 2\\.4\\.8: set MAGENTO_VERSION=2\\.4\\.7, or restart the stack with MAGENTO_VERSION=2\\.4\\.8$`),
    );
    await emulator.close();
  });

  test('an emulator of the expected version, or a real store (no info route), passes', async () => {
    const emulator = await fakeServer((_, __, response) => json(response, 200, { emulator: 'magento-emulator', version: '2.4.8', faults: [] }));
    const store = await fakeServer((_, __, response) => json(response, 404, { message: 'Request does not match any route.' }));
    await expect(checkEmulatedVersion(configFor(emulator.url))).resolves.toBeUndefined();
    await expect(checkEmulatedVersion(configFor(store.url))).resolves.toBeUndefined();
    await Promise.all([emulator.close(), store.close()]);
  });

  // the three answers of Magento_TwoFactorAuth on the admin-token route, as recorded (HARDENED.md §1)
  for (const [answer, says] of [
    [{ message: 'Please ask an administrator with sufficient access to configure 2FA first' }, /no 2FA provider is forced .*force_providers google .*security:tfa:google:set-secret .*MAGENTO_ADMIN_TOTP_SECRET/],
    [
      {
        message: 'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
        parameters: { providers: ['google'], active_providers: [] },
      },
      /has not configured 2FA yet .*security:tfa:google:set-secret .*MAGENTO_ADMIN_TOTP_SECRET/,
    ],
    [
      { message: 'Please use the 2fa provider-specific endpoints to obtain a token.', parameters: { active_providers: ['google'] } },
      /2FA is active for the admin\): set MAGENTO_ADMIN_TOTP_SECRET .* or MAGENTO_ADMIN_TOKEN/,
    ],
  ] as const) {
    test(`2FA answer "${answer.message.slice(0, 30)}…": one line saying what to set`, async () => {
      const magento = await fakeServer((_, __, response) => json(response, 400, answer));
      const config = configFor(magento.url);
      const error = await obtainAdminToken(new MagentoClient(config, new ExchangeLog([])), config).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(says);
      expect((error as Error).message).not.toContain('\n');
      await magento.close();
    });
  }

  test('with MAGENTO_ADMIN_TOTP_SECRET the token comes from the google route with a current 6-digit code', async () => {
    let sent: Record<string, unknown> = {};
    const magento = await fakeServer((_, body, response) => {
      sent = JSON.parse(body) as Record<string, unknown>;
      json(response, 200, 'eyJh.eyJi.c2ln');
    });
    const config = readConfig({ MAGENTO_BASE_URL: magento.url, MAILPIT_URL: magento.url, MAGENTO_ADMIN_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' });
    await expect(obtainAdminToken(new MagentoClient(config, new ExchangeLog([])), config)).resolves.toBe('eyJh.eyJi.c2ln');
    expect(magento.seen).toStrictEqual(['POST /rest/default/V1/tfa/provider/google/authenticate']);
    expect(sent).toStrictEqual({ username: 'exampleuser', password: 'examplepassword123', otp: expect.stringMatching(/^\d{6}$/) });
    await magento.close();
  });

  test('a refused code says the secret or the clock is wrong, without echoing the secret', async () => {
    const magento = await fakeServer((_, __, response) => json(response, 401, { message: 'Invalid code.' }));
    const config = readConfig({ MAGENTO_BASE_URL: magento.url, MAILPIT_URL: magento.url, MAGENTO_ADMIN_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' });
    const error = (await obtainAdminToken(new MagentoClient(config, new ExchangeLog([])), config).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Magento refused the code computed from MAGENTO_ADMIN_TOTP_SECRET \("Invalid code\."\)/);
    expect(error.message).not.toContain('JBSWY3DPEHPK3PXP');
    await magento.close();
  });

  test('reCAPTCHA on the reset routes without MAGENTO_ADMIN_TOKEN: one line naming the protection and the ways forward', async () => {
    const magento = await fakeServer((request, _, response) =>
      request.method === 'PUT'
        ? json(response, 400, { message: 'ReCaptcha validation failed, please try again' })
        : json(response, 400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'username' } }),
    );
    const config = configFor(magento.url);
    const error = (await checkRecaptcha(new MagentoClient(config, new ExchangeLog([])), config).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^reCAPTCHA protects the suite's REST calls \(recaptcha_frontend\/type_for\/customer_forgot_password: .*set MAGENTO_ADMIN_TOKEN to an integration's access token .* or turn that protection off/,
    );
    await magento.close();
  });

  test('an integration token Magento ignores: says to turn the bearer option on and grant the customer resources', async () => {
    const magento = await fakeServer((_, __, response) =>
      json(response, 401, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Customer::customer' } }),
    );
    const config = readConfig({ MAGENTO_BASE_URL: magento.url, MAILPIT_URL: magento.url, MAGENTO_ADMIN_TOKEN: '34kv567856ue1n2x92t8j1rnlo7slox0' });
    const client = new MagentoClient(config, new ExchangeLog([]));
    const error = (await checkAdminAccess(client, '34kv567856ue1n2x92t8j1rnlo7slox0', config, []).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Magento ignores or refuses MAGENTO_ADMIN_TOKEN .*enable_integration_as_bearer 1.*Magento_Customer::customer/);
    expect(error.message).not.toContain('34kv567856ue1n2x92t8j1rnlo7slox0');
    await magento.close();
  });

  test('wrong admin credentials: says which variables, without echoing them', async () => {
    const magento = await fakeServer((_, __, response) =>
      json(response, 401, { message: 'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.' }),
    );
    const config = configFor(magento.url);
    const error = (await obtainAdminToken(new MagentoClient(config, new ExchangeLog([])), config).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Magento refused the admin credentials: check MAGENTO_ADMIN_USERNAME and MAGENTO_ADMIN_PASSWORD/);
    expect(error.message).not.toContain(config.adminPassword);
    expect(error.message).not.toContain('\n');
    await magento.close();
  });

  test('a JWT answer is the admin token', async () => {
    const magento = await fakeServer((_, __, response) => json(response, 200, 'eyJh.eyJi.c2ln'));
    const config = configFor(magento.url);
    await expect(obtainAdminToken(new MagentoClient(config, new ExchangeLog([])), config)).resolves.toBe('eyJh.eyJi.c2ln');
    await magento.close();
  });

  test('a base URL with a path Magento does not route is named', async () => {
    for (const suffix of ['/index.php', '/rest', '/rest/default/V1']) {
      await expect(checkMagentoReachable(configFor(`http://127.0.0.1:9${suffix}`))).rejects.toThrow(
        /^MAGENTO_BASE_URL=http:\/\/127\.0\.0\.1:9\/.* ends in a path with \/(index\.php|rest): set it to the store's base URL \(such as http:\/\/127\.0\.0\.1:9\)/,
      );
    }
  });

  test('https:// to a plain HTTP port says it is a plain HTTP port', async () => {
    const plain = await fakeServer((_, __, response) => json(response, 404, {}));
    const tls = plain.url.replace('http:', 'https:');
    await expect(checkMagentoReachable(configFor(tls))).rejects.toThrow(
      `MAGENTO_BASE_URL: ${tls} does not speak TLS (the handshake failed): it is a plain HTTP port, use http://`,
    );
    await expect(checkMailpitReachable(tls)).rejects.toThrow(`MAILPIT_URL: ${tls} does not speak TLS`);
    await plain.close();
  });

  test('a MAILPIT_URL that answers but is not Mailpit says what answered', async () => {
    const magento = await fakeServer((_, __, response) => json(response, 404, { message: 'Request does not match any route.' }));
    await expect(checkMailpitReachable(magento.url)).rejects.toThrow(
      `MAILPIT_URL=${magento.url} answers, but not as Mailpit (GET /api/v1/info gave 404 application/json; charset=utf-8): set it to Mailpit's web/API address`,
    );
    await magento.close();
  });

  test('Mailpit not listening: one line naming its URL', async () => {
    const url = await closedUrl();
    await expect(checkMailpitReachable(url)).rejects.toThrow(
      new RegExp(`^Mailpit's API is not reachable at ${url} \\(ECONNREFUSED\\): start Mailpit or set MAILPIT_URL to its web/API address$`),
    );
  });

  const mailCases: ReadonlyArray<readonly [string, (response: ServerResponse) => void, RegExp]> = [
    [
      'Magento failing to send',
      (response) => json(response, 200, false),
      /^Magento could not send the probe's reset mail \(it answered false\): point its SMTP settings at Mailpit's SMTP port$/,
    ],
    [
      'Magento throttling reset requests',
      (response) =>
        json(response, 400, {
          message: 'We received too many requests for password resets. Please wait and try again later or contact %1.',
          parameters: ['hello@example.com'],
        }),
      /^Magento throttles reset requests, so parallel tests would collide: on a test store run bin\/magento config:set customer\/password\/password_reset_protection_type 0$/,
    ],
  ];
  for (const [label, answerReset, message] of mailCases) {
    test(`${label}: says what to fix, and the probe customer is deleted`, async () => {
      const stack = await fakeServer((incoming, _, response) => {
        const route = `${incoming.method} ${incoming.url?.split('?')[0]}`;
        if (route === 'POST /rest/default/V1/customers') {
          json(response, 200, {
            id: 41, group_id: 1, created_at: '2026-11-27 05:35:07', updated_at: '2026-11-27 05:35:07', created_in: 'Default Store View',
            email: 'preflight-x@example.com', firstname: 'Quinn', lastname: 'Tester1', store_id: 1, website_id: 1, addresses: [],
            disable_auto_group_change: 0, extension_attributes: { is_subscribed: false },
          });
        } else if (route === 'PUT /rest/default/V1/customers/password') answerReset(response);
        else if (route === 'DELETE /rest/default/V1/customers/41') json(response, 200, true);
        else if (route === 'GET /api/v1/search') json(response, 200, { messages: [], messages_count: 0 });
        else json(response, 404, { message: 'Request does not match any route.' });
      });
      const config = configFor(stack.url);
      const magento = new MagentoClient(config, new ExchangeLog([]));
      const error = await checkMailArrives(magento, 'admin-token', new MailpitClient(stack.url), config, loadStoreProfile(config, {})).catch(
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(message);
      expect(stack.seen).toContain('DELETE /rest/default/V1/customers/41');
      await stack.close();
    });
  }
});
