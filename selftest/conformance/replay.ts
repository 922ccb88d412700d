// Replays one sequence against a running emulator: prepares what the recording did off the record
// (customers it did not create over REST, tokens it took), applies each exchange's setup, sends the
// request with our run's values, and reports how the answer and the mail differ from the recording.
import { responseMismatches } from './compare.js';
import type { ResponseView } from './compare.js';
import { controlSurface } from './control-surface.js';
import { exclusionOf } from './excluded.js';
import { currentCode, wrongCode } from './otp.js';
import { mailShape } from './mail-shape.js';
import type { Sequence } from './sequences.js';
import { planSetup } from './setups.js';
import type { SetupContext } from './setups.js';
import { jwtOf } from './shapes.js';
import { customerCreatedBy, parseObject } from './transcript.js';
import type { RecordedExchange, RecordedMail } from './transcript.js';
import { RunValues, addressOf } from './variables.js';
import type { SentMailView } from './variables.js';

const ADMIN = { username: 'exampleuser', password: 'examplepassword123' };
/** The password every recorded customer was created with. */
const INITIAL_PASSWORD = 'Initial-Pass-123';
const REST = '/rest/V1';
const GRAPHQL = '/graphql';

/** A GraphQL request body's `variables` (the recordings name the customer's `$email` or `$e`). */
function graphQlVariables(body: Record<string, unknown>): Record<string, unknown> {
  const { variables } = body;
  return typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
}

/** The JWT of a `generateCustomerToken` answer, for learning bearer tokens. */
function graphQlCustomerToken(body: string): string | undefined {
  return /^\{"data":\{"generateCustomerToken":\{"token":"(eyJ[A-Za-z0-9_.-]+)"\}\}\}$/.exec(body)?.[1];
}
const LOCK_COLUMNS = 'customer_entity failures_num first_failure lock_expires';

type Emulator = { url: string; sentMail: readonly SentMailView[] };

export class SequenceReplay {
  private readonly values: RunValues;
  private readonly control;
  private readonly needsHarnessToken: Set<string>;
  private readonly appliedSetups = new Set<string>();
  /** The Google secret our emulator's configure route handed out (for `<OTP_ACTIVATE>`). */
  private configuredSecret: string | undefined;

  constructor(
    private readonly sequence: Sequence,
    private readonly emulator: Emulator,
    private readonly mails: readonly RecordedMail[],
    ourRun: string,
  ) {
    this.values = new RunValues(sequence.recordedRuns, ourRun, sequence.variables, emulator.sentMail);
    this.control = controlSurface(emulator.url);
    this.needsHarnessToken = RunValues.bearerNames(sequence.exchanges.map((e) => e.request.headers.authorization ?? ''));
  }

  /** The recorded run's store configuration, an admin token, and the customers no exchange creates. */
  async prepare(): Promise<void> {
    await this.control.setConfig('customer/password/password_reset_protection_type', this.sequence.protectionType);
    const admin = await this.send('POST', `${REST}/integration/admin/token`, { body: JSON.stringify(ADMIN) });
    this.values.learnAdminToken(this.expectJwt(admin, 'admin token'));
    const createdByExchanges = new Set(this.sequence.exchanges.flatMap((e) => customerCreatedBy(e) ?? []).map((e) => this.values.ourEmails(e)));
    for (const name of this.values.customerNames()) {
      const email = this.values.email(name) ?? '';
      if (createdByExchanges.has(email)) continue;
      const customer = { email, firstname: 'Fid', lastname: name.toLowerCase(), website_id: 1 };
      const answer = await this.send('POST', `${REST}/customers`, {
        body: JSON.stringify({ customer, password: INITIAL_PASSWORD }),
        authorization: this.values.bearer('Bearer <admin-token>'),
      });
      if (answer.status !== 200) throw new Error(`creating ${email} for the run answered ${answer.status}: ${answer.body}`);
      await this.learnCreated(name, answer.body);
    }
  }

  /** Replays one exchange; returns its mismatches (empty when it matches the recording). */
  async replay(exchange: RecordedExchange): Promise<string[]> {
    const mailsBefore = this.emulator.sentMail.length;
    const subject = this.subjectOf(exchange);
    const plan = exchange.setup === undefined ? undefined : planSetup(exchange.setup)(this.setupContext(subject));
    const setupKey = `${exchange.setup ?? ''}\n${subject?.email ?? ''}`;
    if (plan && (plan.scope === 'request' || !this.appliedSetups.has(setupKey))) {
      this.appliedSetups.add(setupKey);
      await plan.before();
    }
    await this.hiddenFailures(exchange);
    const { request } = exchange;
    const actual = await this.send(request.method, this.ourTfat(this.ourPath(request.path, subject?.email)), {
      headers: request.headers,
      body: request.body === null || request.body === undefined ? undefined : this.ourCodes(this.ourTfat(this.ourBody(request.body, subject?.email))),
    });
    await plan?.after();
    await this.learnFrom(exchange, actual);
    const expected = { ...exchange.response, contentType: exchange.response.headers['content-type'], body: this.expectedBody(exchange.response.body) };
    return [
      ...responseMismatches(expected, actual),
      ...this.mailMismatches(exchange.case, this.emulator.sentMail.slice(mailsBefore)),
      ...(await this.lockMismatches(exchange, subject?.id)),
    ];
  }

  /** The failed token calls a patch recording made off the record before the request (its `replay` steps). */
  private async hiddenFailures(exchange: RecordedExchange): Promise<void> {
    for (const step of exchange.replay ?? []) {
      const failed = /^(\d+) failed REST token calls for (\S+)$/.exec(step);
      if (failed?.[1] !== undefined && failed[2] !== undefined) {
        await this.setupContext(undefined).failTokenCalls(this.values.ourEmails(failed[2]), Number(failed[1]));
      }
    }
  }

  /** The recorded customer_entity lockout columns (patch folders' `db_after`) against the emulator's. */
  private async lockMismatches(exchange: RecordedExchange, customerId: number | undefined): Promise<string[]> {
    const recorded = exchange.db_after?.[LOCK_COLUMNS];
    if (recorded === undefined) return [];
    if (customerId === undefined) return [`db_after: no customer to read ${LOCK_COLUMNS} of`];
    const [failures = '', firstFailure, lockExpires] = recorded.split('\t');
    const want = { failures: Number(failures), firstFailure: firstFailure !== 'NULL', lockExpires: lockExpires !== 'NULL' };
    const state = await this.control.lockState(customerId);
    const got = { failures: state.failures, firstFailure: state.firstFailure !== null, lockExpires: state.lockExpires !== null };
    return JSON.stringify(want) === JSON.stringify(got) ? [] : [`db_after ${LOCK_COLUMNS}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
  }

  /**
   * What an excluded exchange did that later ones depend on, done through the control surface: a GraphQL
   * `resetPassword` that succeeded set the password the next REST sign-ins use (2.4.8-hardened rc-login-*).
   */
  async standIn(excluded: RecordedExchange): Promise<void> {
    const { query, variables } = parseObject(this.values.ourEmails(excluded.request.body ?? ''));
    if (typeof query !== 'string' || !/\bresetPassword\(/.test(query) || !excluded.response.body.includes('"resetPassword":true')) return;
    const { email, pw } = (variables ?? {}) as Record<string, unknown>;
    const id = typeof email === 'string' ? this.values.idOf(email.toLowerCase()) : undefined;
    if (id !== undefined && typeof pw === 'string') await this.control.setPassword(id, pw);
  }

  /** Recorded mails that no exchange sent (the welcome mail of a customer the harness created). */
  offRecordMails(): RecordedMail[] {
    const cases = new Set(this.sequence.exchanges.map((e) => e.case));
    const ours = new Set(this.values.customerNames().map((n) => this.values.email(n)));
    return this.mails.filter(
      (m) =>
        !cases.has(m.case) &&
        exclusionOf(this.sequence.folder, m.case) === undefined &&
        ours.has(addressOf(this.values.ourEmails(mailShape(m.eml).to))),
    );
  }

  /** Compares a recorded mail with the first mail the emulator sent its recipient. */
  offRecordMailMismatches(mail: RecordedMail): string[] {
    const recipient = addressOf(this.values.ourEmails(mailShape(mail.eml).to));
    return this.mailMismatches(mail.case, this.emulator.sentMail.filter((m) => addressOf(m.to) === recipient).slice(0, 1));
  }

  private mailMismatches(caseName: string, sent: readonly SentMailView[]): string[] {
    const recorded = this.mails.find((m) => m.case === caseName);
    if (recorded === undefined) return [];
    if (sent.length !== 1) return [`mail: expected 1 mail, the emulator sent ${sent.length}`];
    // Addresses are swapped after decoding: quoted-printable may split one across lines.
    const recipient = addressOf(this.values.ourEmails(mailShape(recorded.eml).to));
    const recordedShape = mailShape(recorded.eml, this.values.recordedIdOf(recipient));
    const want = { ...recordedShape, to: this.values.ourEmails(recordedShape.to), link: this.values.ourEmails(recordedShape.link) };
    const got = mailShape(sent[0]?.raw ?? '', this.values.idOf(recipient));
    return (Object.keys(want) as (keyof typeof want)[])
      .filter((key) => want[key] !== got[key])
      .map((key) => `mail ${key}: expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`);
  }

  private expectedBody(recorded: string): string {
    return this.values.idsInJson(this.values.ourEmails(recorded));
  }

  private ourPath(path: string, subject: string | undefined): string {
    return this.values
      .idsInPath(this.values.ourEmails(path))
      .replace(/(\/resetLinkToken\/)([^/]+)$/, (_, head: string, token: string) => head + this.values.token(token, subject));
  }

  /** The recorded tfat (`<TFAT>`) as the one our emulator mailed. */
  private ourTfat(text: string): string {
    const recorded = this.sequence.variables['<TFAT>'];
    const ours = this.values.newestTfat();
    return typeof recorded === 'string' && ours !== undefined ? text.replaceAll(recorded, ours) : text;
  }

  /** `"otp"` values: `<OTP>` and `<OTP_ACTIVATE>` computed now, `<OTP_WRONG>` wrong now, any other as recorded. */
  private ourCodes(body: string): string {
    return body.replace(/"otp":"(\d{6})"/, (whole, otp: string) => {
      if (this.values.isVariable('<OTP>', otp)) return `"otp":"${currentCode(this.values.variable('<GOOGLE_SECRET>'))}"`;
      if (this.values.isVariable('<OTP_WRONG>', otp)) return `"otp":"${wrongCode(this.values.variable('<GOOGLE_SECRET>'))}"`;
      if (this.values.isVariable('<OTP_ACTIVATE>', otp) && this.configuredSecret !== undefined) return `"otp":"${currentCode(this.configuredSecret)}"`;
      return whole;
    });
  }

  /** REST's `resetToken`, and the GraphQL variables the recordings pass a reset token in (`$token`, `$t`). */
  private ourBody(body: string, subject: string | undefined): string {
    return this.values
      .ourEmails(body)
      .replace(/"(resetToken|reset_token|token|t)":"([^"]*)"/g, (_, key: string, token: string) => `"${key}":"${this.values.token(token, subject)}"`);
  }

  /** The customer a request is about: its e-mail field, its path id, or its bearer's customer. */
  private subjectOf(exchange: RecordedExchange): { email: string; id: number } | undefined {
    const { body, path, headers } = exchange.request;
    const fields = parseObject(this.values.ourEmails(body ?? ''));
    const variables = graphQlVariables(fields);
    const created = customerCreatedBy(exchange);
    const fromBody = [fields.email, fields.username, variables.email, variables.e, created === undefined ? undefined : this.values.ourEmails(created)].find(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    const pathId = /\/customers\/(\d+)(?:\/|$)/.exec(path)?.[1];
    const fromPath = pathId === undefined ? undefined : this.values.emailOfId(this.values.id(Number(pathId)));
    const bearerName = /<customer-token-([A-Z0-9]+)/.exec(headers.authorization ?? '')?.[1];
    const fromBearer = bearerName === undefined ? undefined : this.values.email(bearerName);
    const email = (fromBody ?? fromPath ?? fromBearer)?.toLowerCase();
    const id = email === undefined ? undefined : this.values.idOf(email);
    return email === undefined || id === undefined ? undefined : { email, id };
  }

  private setupContext(subject: SetupContext['subject']): SetupContext {
    return {
      control: this.control,
      subject,
      customerId: (name) => {
        const id = this.values.idOf(this.values.email(name) ?? '');
        if (id === undefined) throw new Error(`setup names <ID_${name}>, a customer this run has not created`);
        return id;
      },
      variable: (placeholder) => this.values.variable(placeholder),
      failTokenCalls: async (email, count) => {
        for (let attempt = 1; attempt <= count; attempt++) {
          await this.send('POST', `${REST}/integration/customer/token`, { body: JSON.stringify({ username: email, password: `Wrong-${attempt}` }) });
        }
      },
    };
  }

  private async learnFrom(exchange: RecordedExchange, actual: ResponseView): Promise<void> {
    const created = customerCreatedBy(exchange);
    // A GraphQL creation answers no id: nothing to learn from it.
    if (created !== undefined && actual.status === 200 && exchange.request.path !== GRAPHQL) {
      const name = this.values.customerNames().find((n) => this.values.email(n) === this.values.ourEmails(created));
      if (name !== undefined) await this.learnCreated(name, actual.body);
      // A customer with no `<ID_X>` placeholder: the recorded answer still tells its recorded id.
      const recordedId = parseObject(exchange.response.body).id;
      const ourId = parseObject(actual.body).id;
      if (typeof recordedId === 'number' && typeof ourId === 'number') this.values.learnRecordedId(recordedId, ourId);
    }
    const gqlToken = graphQlCustomerToken(actual.body);
    const subject = this.subjectOf(exchange);
    if (exchange.request.path === GRAPHQL && gqlToken !== undefined && subject !== undefined) {
      this.values.learnCustomerToken(subject.email, gqlToken, 'exchange');
    }
    const secret = /"secret_code":"([A-Z2-7]+)"/.exec(actual.body)?.[1];
    if (secret !== undefined) this.configuredSecret = secret;
    const token = jwtOf(actual.body);
    if (token === undefined || exchange.request.method !== 'POST') return;
    if (/\/integration\/admin\/token$|\/tfa\/provider\/google\/authenticate$/.test(exchange.request.path)) this.values.learnAdminToken(token);
    if (exchange.request.path.endsWith('/integration/customer/token')) {
      const username = parseObject(this.values.ourEmails(exchange.request.body ?? '')).username;
      if (typeof username === 'string') this.values.learnCustomerToken(username, token, 'exchange');
    }
  }

  /** Records the id the emulator gave `<EMAIL_name>`, and takes a token for it if a bearer needs one. */
  private async learnCreated(name: string, body: string): Promise<void> {
    const { id, email } = parseObject(body);
    if (typeof id !== 'number' || typeof email !== 'string') throw new Error(`a create-customer answer without id/email: ${body}`);
    this.values.learnCustomer(email, id);
    if (!this.needsHarnessToken.has(name)) return;
    const answer = await this.send('POST', `${REST}/integration/customer/token`, { body: JSON.stringify({ username: email, password: INITIAL_PASSWORD }) });
    this.values.learnCustomerToken(email, this.expectJwt(answer, `customer token for ${email}`), 'harness');
  }

  private expectJwt(answer: ResponseView, what: string): string {
    const token = answer.status === 200 ? jwtOf(answer.body) : undefined;
    if (token === undefined) throw new Error(`${what}: expected a JWT, got ${answer.status} ${answer.body}`);
    return token;
  }

  private async send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | undefined; authorization?: string },
  ): Promise<ResponseView> {
    const headers: Record<string, string> = options.headers
      ? { ...options.headers }
      : { 'content-type': 'application/json', accept: 'application/json' };
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    else if (headers.authorization !== undefined) headers.authorization = this.values.bearer(headers.authorization);
    const response = await fetch(`${this.emulator.url.replace(/\/$/, '')}${path}`, { method, headers, body: options.body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  }
}
