// Conformance of the storefront under reCAPTCHA: the `sf-*` cases of transcripts/2.4.8-hardened (HARDENED.md §4)
// replayed against a 2.4.8 emulator, each on the config its recording names. Pages: status, content type, the
// widget block and the submit button byte for byte, and no trace of reCAPTCHA where it is off. Posts, each from a
// fresh session and form key: status, Location, the messages the redirect target shows, and what was mailed.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { startEmulator } from '../../emulator/index.js';
import { controlSurface } from './control-surface.js';
import { HARDENED_STOREFRONT_FOLDER as FOLDER, HARDENED_STOREFRONT_SETUPS as SETUPS, TEST_KEYS } from './hardened-storefront-cases.js';
import { TRANSCRIPTS_DIR } from './transcript.js';

const RECORDED_BASE = 'http://127.0.0.1:8090/';
const ADMIN = { username: 'exampleuser', password: 'examplepassword123' };

const messagesSchema = z.array(z.object({ type: z.string(), text: z.string() }));
const caseSchema = z.object({
  case: z.string(),
  request: z.object({ method: z.enum(['GET', 'POST']), path: z.string(), body: z.string().nullable() }),
  response: z.object({ status: z.number(), headers: z.object({ 'content-type': z.string() }), body: z.string() }),
  other_response_headers: z.object({ location: z.string().optional() }),
  mage_messages_after_redirect: z.array(messagesSchema).nullable().optional(),
});
type StorefrontCase = z.infer<typeof caseSchema>;

const load = (name: string): StorefrontCase => caseSchema.parse(JSON.parse(readFileSync(join(TRANSCRIPTS_DIR, FOLDER, `${name}.json`), 'utf8')));

/** The widget's container and its x-magento-init script, and the form's submit button, as the page has them. */
function recaptchaMarkup(html: string): { widget: string | undefined; submit: string | undefined; mentions: number } {
  const widget = /<div\s+class="field-recaptcha"[\s\S]*?<\/script>/.exec(html)?.[0];
  const submit = /<button type="submit" class="action (?:submit|login) primary"[^>]*>/.exec(html)?.[0];
  // the header's sign-in popup is outside the emulated slice: only the form's own mentions count
  const form = /<form[^>]+id="(?:form-validate|login-form)"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  return { widget, submit, mentions: (form.match(/recaptcha/gi) ?? []).length };
}

const cookiesOf = (response: Response): Map<string, string> =>
  new Map(response.headers.getSetCookie().map((line) => {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  }));

test(`${FOLDER}: every storefront recording (sf-*) has its setup here`, () => {
  const recorded = readdirSync(join(TRANSCRIPTS_DIR, FOLDER)).filter((name) => /^sf-.*\.json$/.test(name)).map((name) => name.slice(0, -'.json'.length));
  expect(recorded.sort()).toEqual(Object.keys(SETUPS).sort());
});

test(`${FOLDER}: the storefront under reCAPTCHA answers as recorded`, async () => {
  const emulator = await startEmulator({ version: '2.4.8', port: 0, mail: { kind: 'capture' } });
  const ours = (text: string): string => text.split(RECORDED_BASE).join(`${emulator.url}/`);
  const control = controlSurface(emulator.url);
  try {
    const adminToken = JSON.parse(
      await (await fetch(`${emulator.url}/rest/V1/integration/admin/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).text(),
    ) as string;
    const email = `hard.r.${randomBytes(4).toString('hex')}@example.com`;
    const created = await fetch(`${emulator.url}/rest/V1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ customer: { email, firstname: 'Hard', lastname: 'Shopper', website_id: 1 }, password: 'Old-Password-1' }),
    });
    expect(created.status).toBe(200);

    for (const [name, setup] of Object.entries(SETUPS)) {
      const recorded = load(name);
      await test.step(name, async () => {
        const config = { ...TEST_KEYS, ...setup };
        for (const [path, value] of Object.entries(config)) await control.setConfig(path, value);
        try {
          if (recorded.request.method === 'GET') await replayPage(recorded);
          else await replayPost(recorded);
        } finally {
          for (const path of Object.keys(config)) await control.setConfig(path, null);
        }
      });
    }

    async function replayPage(recorded: StorefrontCase): Promise<void> {
      const response = await fetch(`${emulator.url}${recorded.request.path}`);
      const html = await response.text();
      expect.soft(response.status, recorded.case).toBe(recorded.response.status);
      expect.soft(response.headers.get('content-type'), recorded.case).toBe(recorded.response.headers['content-type']);
      const want = recaptchaMarkup(recorded.response.body);
      const got = recaptchaMarkup(html);
      expect.soft(got.widget, `${recorded.case}: the widget`).toBe(want.widget);
      expect.soft(got.submit, `${recorded.case}: the submit button`).toBe(want.submit);
      expect.soft(got.mentions, `${recorded.case}: mentions of reCAPTCHA in the form`).toBe(want.mentions);
    }

    async function replayPost(recorded: StorefrontCase): Promise<void> {
      const form = await fetch(`${emulator.url}/customer/account/forgotpassword/`);
      const session = cookiesOf(form).get('PHPSESSID') ?? '';
      const formKey = /<input name="form_key" type="hidden" value="([^"]*)"/.exec(await form.text())?.[1] ?? '';
      const body = new URLSearchParams(recorded.request.body ?? '');
      body.set('form_key', formKey);
      body.set('email', email);
      const mailsBefore = emulator.sentMail.length;
      const response = await fetch(`${emulator.url}${recorded.request.path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `PHPSESSID=${session}; form_key=${formKey}` },
        body,
      });
      const html = await response.text();
      expect.soft(response.status, recorded.case).toBe(recorded.response.status);
      const location = recorded.other_response_headers.location;
      expect.soft(response.headers.get('location'), recorded.case).toBe(location === undefined ? null : ours(location));
      if (recorded.response.status === 500) {
        const heading = (page: string): string | undefined => /<h1>([^<]*)<\/h1>/.exec(page)?.[1];
        expect.soft(heading(html), recorded.case).toBe(heading(recorded.response.body));
        expect.soft(html, recorded.case).toMatch(/Error log record number: [0-9a-f]{64}/);
      }
      // the recorder read the messages from the cookie the redirect target set
      let messages: string | undefined;
      if (location !== undefined) {
        const target = await fetch(ours(location), { redirect: 'manual', headers: { cookie: `PHPSESSID=${session}` } });
        messages = cookiesOf(target).get('mage-messages');
      }
      const shown = messages === undefined ? null : messagesSchema.parse(JSON.parse(decodeURIComponent(messages)));
      expect.soft(shown, recorded.case).toEqual(recorded.mage_messages_after_redirect?.[0] ?? null);
      // only the accepted post reaches the controller, which mails the link
      const accepted = location === `${RECORDED_BASE}customer/account/`;
      expect.soft(emulator.sentMail.slice(mailsBefore).map((mail) => mail.to), recorded.case).toEqual(accepted ? [email] : []);
    }
  } finally {
    await emulator.close();
  }
});
