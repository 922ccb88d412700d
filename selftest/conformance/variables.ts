// Our run's values for a recorded run's: e-mails, customer ids, reset tokens and bearer tokens.
//
// - E-mails: the recorded run id inside every address (`fid.a.<run>@example.com`, also upper-cased)
//   becomes this run's id, so addresses are unique per replay.
// - Ids: `<ID_X>` is whatever the emulator assigned to `<EMAIL_X>` (learned from its create response).
// - Reset tokens, bound on first use: `<TOKEN_X<n>>` is the n-th reset mail to `<EMAIL_X>` (the
//   welcome mail is not counted); `<TOKEN_X>` and a token no variable names (`x-locked-account-reset`)
//   are the newest token-bearing mail to that customer at that moment (the welcome mail included).
//   A token of one repeated character (`xxxx…`) is literal test data.
// - Bearers: `<admin-token>` is the newest admin token; `<customer-token-X>` the newest token an
//   exchange obtained for `<EMAIL_X>`, else the one the harness took right after creating X;
//   `<customer-token-X-<why>>` always the harness's (`-D-before-reset`); `<garbage>` is garbage.
import type { Variables } from './transcript.js';

/** What the replay needs of a mail the emulator sent (structurally the emulator's SentMail). */
export type SentMailView = { readonly to: string; readonly subject: string; readonly html: string; readonly raw: string };

const TOKEN = /^[A-Za-z0-9]{32}$/;
const TOKEN_IN_LINK = /[?&;]token=([A-Za-z0-9]{32})/;
const GARBAGE_BEARER = 'not-a-token';

const mailToken = (mail: SentMailView): string | undefined => TOKEN_IN_LINK.exec(mail.html)?.[1];
const isWelcomeMail = (mail: SentMailView): boolean => mail.subject.startsWith('Welcome');
export const addressOf = (to: string): string => (/<([^>]+)>/.exec(to)?.[1] ?? to).trim().toLowerCase();

export class RunValues {
  private readonly ourIdByRecorded = new Map<number, number>();
  private readonly emailByOurId = new Map<number, string>();
  private readonly tokenByRecorded = new Map<string, string>();
  private readonly placeholderByValue = new Map<string, string>();
  private readonly exchangeTokens = new Map<string, string>();
  private readonly harnessTokens = new Map<string, string>();
  private adminToken = '';

  constructor(
    private readonly recordedRuns: readonly string[],
    readonly ourRun: string,
    private readonly variables: Variables,
    private readonly sentMail: readonly SentMailView[],
  ) {
    for (const [placeholder, value] of Object.entries(variables)) this.placeholderByValue.set(String(value), placeholder);
  }

  /** Swaps the recorded run ids in e-mail addresses for ours, keeping the letter case. */
  ourEmails(text: string): string {
    return this.recordedRuns.reduce(
      (out, run) =>
        out
          .replaceAll(`.${run}@`, `.${this.ourRun}@`)
          .replaceAll(`.${run.toUpperCase()}@`, `.${this.ourRun.toUpperCase()}@`)
          .replaceAll(`.${run}%40`, `.${this.ourRun}%40`),
      text,
    );
  }

  /** `<EMAIL_X>` of this run (our address), or undefined when the run has no such placeholder. */
  email(name: string): string | undefined {
    const recorded = this.variables[`<EMAIL_${name}>`];
    return typeof recorded === 'string' ? this.ourEmails(recorded) : undefined;
  }

  /** The placeholders naming customers (`A` for `<EMAIL_A>`), the `<NOBODY…>` addresses excluded. */
  customerNames(): string[] {
    return Object.keys(this.variables).flatMap((p) => /^<EMAIL_([A-Z0-9]+)>$/.exec(p)?.[1] ?? []);
  }

  learnCustomer(ourEmail: string, ourId: number): void {
    this.emailByOurId.set(ourId, ourEmail);
    const recordedId = this.recordedIdOf(ourEmail);
    if (recordedId !== undefined) this.ourIdByRecorded.set(recordedId, ourId);
  }

  learnRecordedId(recordedId: number, ourId: number): void {
    if (!this.ourIdByRecorded.has(recordedId)) this.ourIdByRecorded.set(recordedId, ourId);
  }

  /** The id the recording gave the customer we know as `ourEmail`. */
  recordedIdOf(ourEmail: string): number | undefined {
    const name = this.customerNames().find((n) => this.email(n) === ourEmail);
    const id = name === undefined ? undefined : this.variables[`<ID_${name}>`];
    return typeof id === 'number' ? id : undefined;
  }

  idOf(ourEmail: string): number | undefined {
    return [...this.emailByOurId].find(([, email]) => email === ourEmail)?.[0];
  }

  emailOfId(ourId: number): string | undefined {
    return this.emailByOurId.get(ourId);
  }

  learnAdminToken(token: string): void {
    this.adminToken = token;
  }

  learnCustomerToken(ourEmail: string, token: string, by: 'exchange' | 'harness'): void {
    (by === 'exchange' ? this.exchangeTokens : this.harnessTokens).set(ourEmail.toLowerCase(), token);
  }

  /** Which customers a sequence's bearer placeholders need a harness token for. */
  static bearerNames(texts: readonly string[]): Set<string> {
    return new Set(texts.flatMap((t) => [...t.matchAll(/<customer-token-([A-Z0-9]+)/g)].map((m) => m[1] ?? '')));
  }

  /** An `authorization` header value with its placeholder replaced. */
  bearer(value: string): string {
    return value.replace(/<([a-z0-9-]+|customer-token-[A-Z0-9]+(?:-[a-z0-9-]+)?)>/g, (whole, placeholder: string) => {
      if (placeholder === 'admin-token') return this.adminToken;
      if (placeholder === 'garbage') return GARBAGE_BEARER;
      // the integration is created with the recorded access token (setups.ts), so it is ours too
      if (placeholder === 'integration-token') return String(this.variables['<INTEGRATION_TOKEN>'] ?? '');
      const match = /^customer-token-([A-Z0-9]+)(-.+)?$/.exec(placeholder);
      const email = match?.[1] === undefined ? undefined : this.email(match[1]);
      const token =
        email === undefined
          ? undefined
          : (match?.[2] === undefined ? this.exchangeTokens.get(email) : undefined) ?? this.harnessTokens.get(email);
      if (token === undefined) throw new Error(`no value for bearer placeholder ${whole}`);
      return token;
    });
  }

  /** Our value for a recorded reset token (see the rules at the top); `subject` is the request's customer. */
  token(recorded: string, subject: string | undefined): string {
    if (!TOKEN.test(recorded) || /^(.)\1*$/.test(recorded)) return recorded;
    const bound = this.tokenByRecorded.get(recorded);
    if (bound !== undefined) return bound;
    const name = /^<TOKEN_([A-Z0-9]+)>$/.exec(this.placeholderByValue.get(recorded) ?? '')?.[1] ?? '';
    // `<TOKEN_LK2>` is LK2's token when there is an `<EMAIL_LK2>`, else LK's second.
    const [, customer = name, ordinal = ''] = this.email(name) === undefined ? (/^(.+?)(\d+)$/.exec(name) ?? []) : [];
    const email = this.email(customer) ?? subject;
    if (email === undefined) throw new Error(`reset token ${recorded}: no customer to read it from`);
    const tokenMails = this.sentMail.filter((m) => addressOf(m.to) === email && mailToken(m) !== undefined);
    const nth = ordinal === '' ? undefined : Number(ordinal);
    const mail = nth === undefined ? tokenMails.at(-1) : tokenMails.filter((m) => !isWelcomeMail(m))[nth - 1];
    const ours = mail === undefined ? undefined : mailToken(mail);
    if (ours === undefined) throw new Error(`reset token ${recorded}: the emulator sent no matching mail to ${email}`);
    this.tokenByRecorded.set(recorded, ours);
    return ours;
  }

  /** The recorded value of a placeholder (`<GOOGLE_SECRET>`); throws when the run has none. */
  variable(placeholder: string): string {
    const value = this.variables[placeholder];
    if (value === undefined) throw new Error(`the run has no ${placeholder}`);
    return String(value);
  }

  /** Whether `value` is what the recording had for `placeholder`. */
  isVariable(placeholder: string, value: string): boolean {
    return this.variables[placeholder] !== undefined && String(this.variables[placeholder]) === value;
  }

  /** The tfat of the newest 2FA configuration mail the emulator sent (`…/tfat/<token>/key/…`). */
  newestTfat(): string | undefined {
    const mail = this.sentMail.filter((m) => /\/tfat\/[A-Za-z0-9+/=]+\/key\//.test(m.html)).at(-1);
    return mail === undefined ? undefined : /\/tfat\/([A-Za-z0-9+/=]+)\/key\//.exec(mail.html)?.[1];
  }

  /** A recorded customer id as ours (ids nobody created, like 987654321, stay). */
  id(recorded: number): number {
    return this.ourIdByRecorded.get(recorded) ?? recorded;
  }

  /** Replaces recorded ids where JSON carries a customer id: `"id"`, `"customerId"`, `"fieldValue"`. */
  idsInJson(text: string): string {
    return text.replace(/"(id|customerId|fieldValue)":(\d+)(?=[,}])/g, (_, key: string, n: string) => `"${key}":${this.id(Number(n))}`);
  }

  /** Replaces recorded ids in a REST path's `customers/<id>` segment. */
  idsInPath(path: string): string {
    return path.replace(/\/customers\/(\d+)(?=\/|$)/, (_, n: string) => `/customers/${this.id(Number(n))}`);
  }
}
