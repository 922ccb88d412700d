// Replays one storefront recording (transcripts/2.4.*-storefront) against a running emulator, in
// recorded order and in recorded cookie jars: status, Location, cookies by name and shape, the
// `mage-messages`, page summaries (forms and fields) and mails. The HTML itself is not compared.
import { controlSurface } from './control-surface.js';
import { mailShape } from './mail-shape.js';
import { pageSummary } from './page-summary.js';
import type { Attributes, FormSummary } from './page-summary.js';
import type { StorefrontExchange, StorefrontFolder } from './storefront-transcript.js';

type SentMail = { to: string; raw: string; html: string };
type Emulator = { url: string; sentMail: readonly SentMail[] };
type Messages = { type: string; text: string }[] | null;

const ADMIN = { username: 'exampleuser', password: 'examplepassword123' };
const CUSTOMERS = ['A', 'B', 'T'] as const;
const FORGOT_CAPTCHA = 'user_forgotpassword';

/** One browser's cookies (a "jar" of the recorder), and the form key its last page showed. */
class Jar {
  readonly cookies = new Map<string, string>();
  formKey = '';
  /** The customer whose reset link this browser last opened (its token now sits in the session). */
  linkCustomer: string | undefined;

  header(names: readonly string[]): string {
    return names.flatMap((name) => (this.cookies.has(name) ? [`${name}=${this.cookies.get(name) ?? ''}`] : [])).join('; ');
  }

  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === 'deleted') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const cookieNames = (header: string | undefined): string[] =>
  (header ?? '').split(';').map((part) => part.split('=')[0]?.trim() ?? '').filter(Boolean);

/** `name=<value shape>; expires=<date>; Max-Age=…; path=/; …`: what a cookie is, not its value. */
function cookieShape(line: string): string {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
  const shape =
    value === 'deleted'
      ? 'deleted'
      : /^[0-9a-v]{26}$/.test(value)
        ? '<session id>'
        : /^[0-9a-f]+$/.test(value)
          ? `<${value.length} hex>`
          : value.startsWith('%5B')
            ? '<url-encoded JSON>'
            : value;
  const described = attributes.map((attribute) => (attribute.startsWith('expires=') ? 'expires=<date>' : attribute));
  return [`${name}=${shape}`, ...described].join('; ');
}

function messagesIn(setCookies: readonly string[]): Messages {
  const line = setCookies.find((cookie) => cookie.startsWith('mage-messages='));
  if (line === undefined) return null;
  return JSON.parse(decodeURIComponent(line.slice('mage-messages='.length).split(';')[0] ?? '')) as Messages;
}

// json_encode's `\/` reads as `/`; the texts compared are the cookie's (HTML-escaped) texts.
const messagesOfCookie = (value: string | undefined): Messages =>
  value === undefined ? null : (JSON.parse(decodeURIComponent(value)) as Messages);

/** A form's fields with the form key's value reduced to its shape (16 letters and digits). */
const withFormKeyShape = (forms: readonly FormSummary[]): FormSummary[] =>
  forms.map((form) => ({
    ...form,
    fields: form.fields?.map((field: Attributes) =>
      field.name === 'form_key' ? { ...field, value: /^[A-Za-z0-9]{16}$/.test(field.value ?? '') ? '<form key>' : (field.value ?? '') } : field,
    ),
  }));

const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedKeys(v)]))
      : value;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));

/** Magento's url encoder for `referer/<…>/`: base64 with `+/=` spelt `-_,`. */
const fromReferer = (param: string): string => Buffer.from(param.replace(/-/g, '+').replace(/_/g, '/').replace(/,/g, '='), 'base64').toString();
const toReferer = (url: string): string => Buffer.from(url).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, ',');

const tokenInMail = (text: string): string | undefined =>
  /token=([A-Za-z0-9]{32})/.exec(text.replace(/=\r?\n/g, '').replace(/=3D/g, '=').replace(/&amp;/g, '&'))?.[1];

export class StorefrontReplay {
  private readonly control;
  private readonly strings = new Map<string, string>();
  private readonly ids = new Map<number, number>();
  private readonly jars = new Map<string, Jar>();
  private readonly restoreAfter = new Map<string, string>();
  private adminToken = '';

  constructor(
    private readonly folder: StorefrontFolder,
    private readonly emulator: Emulator,
    ourRun: string,
  ) {
    this.control = controlSurface(emulator.url);
    const recorded = folder.run;
    this.strings.set(String(recorded.variables['<BASE_URL>']), emulator.url.replace(/\/$/, ''));
    this.strings.set(recorded.run, ourRun);
    this.strings.set(recorded.run.toUpperCase(), ourRun.toUpperCase());
  }

  /** Our run's value for a recorded text: base URL, run id, ids, tokens, referers. */
  ours(text: string): string {
    let result = text.replace(/(referer\/)([A-Za-z0-9_,-]+)(\/)/g, (_, head: string, param: string, tail: string) => head + toReferer(this.ours(fromReferer(param))) + tail);
    for (const [recorded, ourValue] of this.strings) result = result.split(recorded).join(ourValue);
    return result.replace(/([?&]id=)(\d+)/g, (_, head: string, id: string) => head + String(this.ids.get(Number(id)) ?? id));
  }

  /** The stock store the recording ran on (CAPTCHA on the forgot form, no throttling), and its customers. */
  async prepare(): Promise<void> {
    await this.control.setConfig('customer/captcha/enable', '1');
    await this.control.setConfig('customer/captcha/always_for/user_forgotpassword', '1');
    await this.control.setConfig('customer/password/password_reset_protection_type', '0');
    const admin = await this.rest('POST', '/rest/V1/integration/admin/token', JSON.stringify(ADMIN));
    this.adminToken = JSON.parse(admin.body) as string;
    const variables = this.folder.run.variables;
    for (const name of CUSTOMERS) {
      const customer = { email: this.ours(String(variables[`<EMAIL_${name}>`])), firstname: `Sf${name}`, lastname: 'Shopper', website_id: 1 };
      const answer = await this.rest('POST', '/rest/V1/customers', JSON.stringify({ customer, password: variables['<OLD_PASSWORD>'] }));
      if (answer.status !== 200) throw new Error(`creating ${customer.email} answered ${answer.status}: ${answer.body}`);
      this.ids.set(Number(variables[`<ID_${name}>`]), (JSON.parse(answer.body) as { id: number }).id);
    }
  }

  async replay(exchange: StorefrontExchange): Promise<string[]> {
    const { request } = exchange;
    const jar = await this.setUp(exchange);
    if (request.path.startsWith('/rest/')) return this.replayRest(exchange);
    const mailsBefore = this.emulator.sentMail.length;
    const row = await this.probeTokenRow(exchange, jar);
    const sentNames = cookieNames(request.headers.cookie);
    const cookie = jar.header(sentNames);
    const body = await this.ourBody(exchange, jar);
    const response = await fetch(`${this.emulator.url}${this.ours(request.path)}`, {
      method: request.method,
      redirect: 'manual',
      headers: {
        ...(cookie === '' ? {} : { cookie }),
        ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.method === 'POST' ? body : undefined,
    });
    const html = await response.text();
    const setCookies = response.headers.getSetCookie();
    jar.take(setCookies);
    const recordedSid = /PHPSESSID=([0-9a-v]+)/.exec((exchange.response.headers['set-cookie'] ?? []).join(';'))?.[1];
    if (recordedSid !== undefined) this.jars.set(recordedSid, jar);
    jar.formKey = /<input name="form_key" type="hidden" value="([^"]*)"/.exec(html)?.[1] ?? jar.formKey;
    await this.tearDown(exchange);

    const problems: string[] = [];
    const expect = (what: string, want: unknown, got: unknown): void => {
      if (!same(want, got)) problems.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    };
    expect('status', exchange.response.status, response.status);
    expect('content-type', exchange.response.headers['content-type'], response.headers.get('content-type'));
    const location = exchange.response.headers.location;
    expect('location', location == null ? null : this.ours(location), response.headers.get('location'));
    expect('cookies', (exchange.response.headers['set-cookie'] ?? []).map(cookieShape).sort(), setCookies.map(cookieShape).sort());
    expect('mage-messages', this.oursMessages(exchange.mage_messages), messagesIn(setCookies));
    if (exchange.summary !== undefined) {
      const recorded = exchange.summary;
      const actual = pageSummary(html);
      expect('title', recorded.title, actual.title);
      expect('main heading', recorded.main_heading, actual.main_heading);
      expect('forms', withFormKeyShape(JSON.parse(this.ours(JSON.stringify(recorded.forms))) as FormSummary[]), withFormKeyShape(actual.forms));
      expect('messages in the HTML', recorded.messages_in_html, actual.messages_in_html);
      expect('strength meter', recorded.password_strength_meter_markup, actual.password_strength_meter_markup);
      const shown = messagesIn(setCookies) ?? (sentNames.includes('mage-messages') ? messagesOfCookie(jar.cookies.get('mage-messages')) : null);
      const recordedShown = (recorded.messages_via_cookie as string[] | null) ?? null;
      expect('messages via cookie', recordedShown?.map((text) => this.ours(text)) ?? null, shown?.map((m) => m.text) ?? null);
    }
    // The recorder drops the cookie once an HTML page has shown its messages, as Luma's JS does.
    if (response.status === 200) jar.cookies.delete('mage-messages');
    if (row !== undefined) expect(`rp_token of <ID_${row.name}>`, row.expected, await this.tokenRowState(row.id));
    return [...problems, ...this.mailProblems(exchange, this.emulator.sentMail.slice(mailsBefore))];
  }

  /**
   * Where the recording read customer_entity around an exchange: which customer, and what should
   * become of its token (kept, re-saved now, cleared). The row is aged a minute first where it is
   * younger, so that a re-save shows within a replay that takes seconds.
   */
  private async probeTokenRow(exchange: StorefrontExchange, jar: Jar): Promise<{ name: string; id: number; expected: string } | undefined> {
    const { db_before: before, db_after: after, request, variables } = exchange;
    const token = /(?:[?&]token=|\/token\/)([A-Za-z0-9]{32})/.exec(request.path)?.[1];
    const byToken = Object.entries(variables).find(([key, value]) => value === token && /^<TOKEN_[A-Z]\d>$/.test(key))?.[0]?.charAt(7);
    const recordedId = Number(/[?&]id=(\d+)/.exec(request.path)?.[1]);
    const byId = CUSTOMERS.find((n) => variables[`<ID_${n}>`] === recordedId);
    const name = byToken ?? byId ?? jar.linkCustomer;
    if (request.path.includes('createPassword/?')) jar.linkCustomer = name;
    if (before === undefined || after === undefined || name === undefined) return undefined;
    const id = this.ourId(name);
    const age = await this.tokenAge(id);
    if (age !== null && age < 60) await this.control.resetTokenAge(id, 60);
    // The recorder wrote SQL NULL as "NULL".
    const expected =
      after.rp_token === null || after.rp_token === 'NULL' ? 'no token' : before.rp_token !== after.rp_token ? 're-saved just now' : 'kept as it was';
    return { name, id, expected };
  }

  /** Seconds since rp_token_created_at (the backdoor's read), null without a token. */
  private async tokenAge(id: number): Promise<number | null> {
    const answer = await fetch(`${this.emulator.url}/__emulator/customers/${id}/reset-token-age`);
    return ((await answer.json()) as { seconds: number | null }).seconds;
  }

  private async tokenRowState(id: number): Promise<string> {
    const age = await this.tokenAge(id);
    return age === null ? 'no token' : age < 60 ? 're-saved just now' : 'kept as it was';
  }

  private oursMessages(messages: Messages): Messages {
    return messages === null ? null : messages.map((m) => ({ type: m.type, text: this.ours(m.text) }));
  }

  /** The recorded body with our form key, CAPTCHA word and run values. */
  private async ourBody(exchange: StorefrontExchange, jar: Jar): Promise<string> {
    const { variables, request } = exchange;
    let body = request.body;
    const formKey = variables['<FORM_KEY>'];
    if (typeof formKey === 'string') body = body.replace(`form_key=${formKey}`, `form_key=${jar.formKey}`);
    const captcha = variables['<CAPTCHA>'];
    const field = `captcha%5B${FORGOT_CAPTCHA}%5D=`;
    if (typeof captcha === 'string' && body.includes(`${field}${captcha}`)) {
      const sid = jar.cookies.get('PHPSESSID') ?? '';
      const answer = await fetch(`${this.emulator.url}/__emulator/sessions/${sid}/captcha/${FORGOT_CAPTCHA}`);
      const word = answer.status === 200 ? ((await answer.json()) as { word: string }).word : '';
      body = body.replace(`${field}${captcha}`, `${field}${word}`);
    }
    return this.ours(body);
  }

  /** The exchange's cookie jar, after what its `setup` says the recorder did first. */
  private async setUp(exchange: StorefrontExchange): Promise<Jar> {
    const setup = exchange.setup ?? '';
    const recordedSid = /PHPSESSID=([0-9a-v]+)/.exec(exchange.request.headers.cookie ?? '')?.[1];
    const jar = (recordedSid === undefined ? undefined : this.jars.get(recordedSid)) ?? new Jar();
    if (recordedSid !== undefined) this.jars.set(recordedSid, jar);
    let understood = setup === '';
    const preceded = /Preceded by GET (\/customer\/account\/[a-z]+\/) in (?:the same cookie jar|a fresh jar)/.exec(setup);
    if (preceded?.[1] !== undefined) {
      understood = true;
      const cookie = jar.header(['PHPSESSID', 'private_content_version']);
      const response = await fetch(`${this.emulator.url}${preceded[1]}`, { headers: cookie === '' ? {} : { cookie } });
      jar.take(response.headers.getSetCookie());
      jar.formKey = /<input name="form_key" type="hidden" value="([^"]*)"/.exec(await response.text())?.[1] ?? '';
    }
    const protection = /set to (\d) \(By [^)]*\) with bin\/magento config:set[^;]*; restored to 0 right after ([a-z0-9-]+)\./i.exec(setup);
    if (protection?.[1] !== undefined && protection[2] !== undefined) {
      understood = true;
      await this.control.setConfig('customer/password/password_reset_protection_type', protection[1]);
      this.restoreAfter.set(protection[2], '0');
    }
    if (setup.includes('TOKEN_B1 and TOKEN_A3 were issued by REST PUT /rest/V1/customers/password')) {
      understood = true;
      await this.issueOverRest('<TOKEN_B1>', 'B', exchange);
      await this.issueOverRest('<TOKEN_A3>', 'A', exchange);
    }
    const aged = /rp_token_created_at = UTC_TIMESTAMP\(\) - INTERVAL (\d+) HOUR WHERE entity_id=<ID_([A-Z])>/.exec(setup);
    if (aged?.[1] !== undefined && aged[2] !== undefined) {
      understood = true;
      await this.control.resetTokenAge(this.ourId(aged[2]), Number(aged[1]) * 3600);
    }
    if (setup.startsWith('POSTed to the exact action URL of the form')) understood = true;
    if (!understood) throw new Error(`${exchange.case}: a setup the storefront replay does not know: ${setup}`);
    return jar;
  }

  private async tearDown(exchange: StorefrontExchange): Promise<void> {
    const restore = this.restoreAfter.get(exchange.case);
    if (restore !== undefined) await this.control.setConfig('customer/password/password_reset_protection_type', restore);
  }

  private ourId(name: string): number {
    const id = this.ids.get(Number(this.folder.run.variables[`<ID_${name}>`]));
    if (id === undefined) throw new Error(`no customer <ID_${name}> in this run`);
    return id;
  }

  /** A token the recorder took over REST (PUT /V1/customers/password), once, read from our mail. */
  private async issueOverRest(placeholder: string, name: string, exchange: StorefrontExchange): Promise<void> {
    const recordedToken = String(exchange.variables[placeholder] ?? '');
    if (this.strings.has(recordedToken)) return;
    const email = this.ours(String(this.folder.run.variables[`<EMAIL_${name}>`]));
    const before = this.emulator.sentMail.length;
    const answer = await this.rest('PUT', '/rest/V1/customers/password', JSON.stringify({ email, template: 'email_reset', websiteId: 1 }));
    const token = tokenInMail(this.emulator.sentMail.slice(before)[0]?.html ?? '');
    if (answer.status !== 200 || token === undefined) throw new Error(`issuing ${placeholder} for ${email}: ${answer.status} ${answer.body}`);
    this.strings.set(recordedToken, token);
  }

  private async replayRest(exchange: StorefrontExchange): Promise<string[]> {
    const { request } = exchange;
    const answer = await this.rest(request.method, request.path, this.ours(request.body), false);
    const problems: string[] = [];
    if (answer.status !== exchange.response.status) problems.push(`status: expected ${exchange.response.status}, got ${answer.status}`);
    const jwt = /^"[\w-]+\.[\w-]+\.[\w-]+"$/;
    const bodyMatches = jwt.test(exchange.response.body) ? jwt.test(answer.body) : answer.body === this.ours(exchange.response.body);
    if (!bodyMatches) problems.push(`body: expected ${exchange.response.body}, got ${answer.body}`);
    return problems;
  }

  /** The recorded mail of a case, or none: one mail of the recorded shape to our recipient. */
  private mailProblems(exchange: StorefrontExchange, sent: readonly SentMail[]): string[] {
    const recorded = this.folder.mails.get(exchange.case);
    if (recorded === undefined) return sent.length === 0 ? [] : [`mail: expected none, the emulator sent ${sent.length}`];
    const [mail] = sent;
    if (sent.length !== 1 || mail === undefined) return [`mail: expected 1 mail, the emulator sent ${sent.length}`];
    const { variables } = this.folder.run;
    const to = mailShape(recorded).to.toLowerCase();
    const name = CUSTOMERS.find((n) => to.includes(String(variables[`<EMAIL_${n}>`]).toLowerCase()));
    if (name === undefined) return [`mail: the recorded mail goes to ${to}, not one of the run's customers`];
    const recordedShape = mailShape(recorded, Number(variables[`<ID_${name}>`]));
    const want = { ...recordedShape, to: this.ours(recordedShape.to), link: this.ours(recordedShape.link) };
    const got = mailShape(mail.raw, this.ourId(name));
    const problems = (Object.keys(want) as (keyof typeof want)[])
      .filter((key) => want[key] !== got[key])
      .map((key) => `mail ${key}: expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`);
    const [recordedToken, ourToken] = [tokenInMail(recorded), tokenInMail(mail.html)];
    if (recordedToken !== undefined && ourToken !== undefined) this.strings.set(recordedToken, ourToken);
    return problems;
  }

  private async rest(method: string, path: string, body: string, asAdmin = true): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.emulator.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(asAdmin && this.adminToken !== '' ? { authorization: `Bearer ${this.adminToken}` } : {}),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }
}
