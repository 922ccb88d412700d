// Turns a transcript's `setup` text (the SQL / bin/magento done by hand while recording) into
// control-surface calls. Every part of the text must be understood: a recognised action or a
// known remark about what earlier exchanges did. Anything else fails the replay, so a new
// transcript can't silently skip its setup.
import type { ControlSurface } from './control-surface.js';

export type SetupContext = {
  control: ControlSurface;
  /** The customer the exchange is about (our e-mail and id), if any. */
  subject: { email: string; id: number } | undefined;
  /** Our id of the customer `<ID_X>` names. */
  customerId(name: string): number;
  /** Sends `count` customer-token requests with a wrong password. */
  failTokenCalls(email: string, count: number): Promise<void>;
  /** The recorded value of a run variable (`<GOOGLE_SECRET>`). */
  variable(placeholder: string): string;
};

export type SetupPlan = {
  /** `'state'`: describes the state the exchange finds, so it is applied once per (text, subject);
   *  `'request'`: holds for this request only, so it is applied around every exchange carrying it. */
  scope: 'state' | 'request';
  before(): Promise<void>;
  after(): Promise<void>;
};

type Step = (ctx: SetupContext) => Promise<void>;
type Rule = { pattern: RegExp; scope: SetupPlan['scope']; before?: (m: RegExpExecArray, text: string) => Step; after?: Step };

const subjectOf = (ctx: SetupContext): { email: string; id: number } => {
  if (ctx.subject === undefined) throw new Error('this setup needs the customer of the request, and it names none');
  return ctx.subject;
};

const setConfig = (path: string, value: string | null): Step => (ctx) => ctx.control.setConfig(path, value);
const restoreOtherPasswordConfig = (text: string): Step => async (ctx) => {
  const mentioned = new Set([...text.matchAll(ASSIGNMENT)].map((m) => configPath(m[1] ?? '')));
  for (const path of Object.keys(await ctx.control.config())) {
    if (path.startsWith('customer/password/') && !mentioned.has(path)) await ctx.control.setConfig(path, null);
  }
};

/** `customer/password/x=1` or, after the first, the bare `x=1` of the same group. */
const ASSIGNMENT = /\b((?:[a-z_]+\/){0,2}[a-z_]+)=(\d+)(?: \((?:default|by email)\))?/g;
const configPath = (name: string): string => (name.includes('/') ? name : `customer/password/${name}`);

const TIME_UNIT_SECONDS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600 };

// Remarks that describe what the recorded exchanges themselves did; they need no action.
const REMARKS = [
  'this initiate only obtains a token for the next cases',
  'the password has 9 characters and 4 classes',
  'same token as the 9-character attempt; 12 characters',
  'same token; upper, lower, digits, special: 4 classes',
  'upper, lower, digits: 3 classes',
  'second request for <EMAIL_E1> within 10 minutes, same IP',
  'request for <EMAIL_E2>, same IP, right after',
  'request for <EMAIL_E2> right after, same IP',
  'same email, same IP: third request within the hour',
  'same email, same IP',
  'different email, same IP',
  'after 3 failed token calls for <EMAIL_LK2>',
  'after 3 failed token calls and the wrong-current attempt',
  'after 3 failed token calls',
  'account locked by 3 failed token calls',
  'new password from the change',
  'Each request uses a different unknown email, so only the IP matches',
  'second REST request for the same email',
  'REST request for the same email after the two GraphQL requests',
  'second GraphQL request for the same email right after',
  'GraphQL request after the REST requests (a REST request was recorded in password_reset_request_event)',
];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Google's published test secret key, the one the recording configured beside the site key. */
const GOOGLE_TEST_PRIVATE_KEY = '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe';
const RECAPTCHA_FORMS = ['customer_forgot_password', 'customer_login', 'customer_create'];
const BEARER_OPTION = 'oauth/consumer/enable_integration_as_bearer';
/** `type_for/<form>` = invisible for the forms given, every other form's row deleted (the lab restored each group). */
const recaptchaFormsOn = (on: readonly string[]): Step => async (ctx) => {
  for (const form of RECAPTCHA_FORMS) await ctx.control.setConfig(`recaptcha_frontend/type_for/${form}`, on.includes(form) ? 'invisible' : null);
};

// The hardened store (2.4.8-hardened, HARDENED.md): the module, the admin's Google secret, the integration,
// the bearer option and reCAPTCHA's keys and forms. First, so the generic `path=1` rule below sees none of them.
const HARDENED_RULES: readonly Rule[] = [
  {
    pattern: /fresh install with Magento_TwoFactorAuth enabled; twofactorauth\/general\/force_providers at its default \(empty\); no 2FA configured for exampleuser/,
    scope: 'state',
    before: () => async (ctx) => {
      await ctx.control.setTwoFactorModule(true);
      await ctx.control.setConfig('twofactorauth/general/force_providers', null);
      await ctx.control.setAdminGoogleSecret(null);
    },
  },
  {
    pattern: /config: twofactorauth\/general\/force_providers=google \(php bin\/magento config:set; cache:clean config\)/,
    scope: 'state',
    before: () => setConfig('twofactorauth/general/force_providers', 'google'),
  },
  {
    pattern: /then php bin\/magento security:tfa:reset exampleuser google \("[^"]*"\) and php bin\/magento security:tfa:google:set-secret exampleuser <GOOGLE_SECRET> \("[^"]*"\)/,
    scope: 'state',
    before: () => (ctx) => ctx.control.setAdminGoogleSecret(ctx.variable('<GOOGLE_SECRET>')),
  },
  {
    pattern: /integration "([a-z-]+)" created active by the lab script make-integration\.php \(IntegrationServiceInterface::create with resource=\[([A-Za-z_:, ]+)\], then OauthServiceInterface::createAccessToken \+ getAccessToken\); stored resources: [A-Za-z_:, ]+/,
    scope: 'state',
    before: (m) => (ctx) => ctx.control.addIntegration(m[1] ?? '', ctx.variable('<INTEGRATION_TOKEN>'), (m[2] ?? '').split(', ')),
  },
  {
    pattern: /oauth\/consumer\/enable_integration_as_bearer(?: not set \(default 0\)| unset \(0\))/,
    scope: 'state',
    before: () => setConfig(BEARER_OPTION, null),
  },
  {
    pattern: /(?:config: )?oauth\/consumer\/enable_integration_as_bearer=1(?: \(config:set; cache:clean config\))?/,
    scope: 'state',
    before: () => setConfig(BEARER_OPTION, '1'),
  },
  {
    pattern: /config: recaptcha_frontend\/type_invisible\/public_key and private_key = Google test keys \(site ([\w-]+)\)/,
    scope: 'state',
    before: (m) => async (ctx) => {
      await ctx.control.setConfig('recaptcha_frontend/type_invisible/public_key', m[1] ?? '');
      await ctx.control.setConfig('recaptcha_frontend/type_invisible/private_key', GOOGLE_TEST_PRIVATE_KEY);
    },
  },
  {
    pattern: /config: recaptcha_frontend\/type_for\/(customer_[a-z_]+)=invisible/,
    scope: 'state',
    before: (m) => recaptchaFormsOn([m[1] ?? '']),
  },
  { pattern: /no type_for set yet|customer_forgot_password restored \(unset\); customer_login not set yet/, scope: 'state', before: () => recaptchaFormsOn([]) },
  // The emulated store, like the lab, cannot reach Google: nothing to set.
  { pattern: /no outbound network \(google\.com does not resolve\)/, scope: 'state' },
  { pattern: /2FA as in tfa-\*/, scope: 'state' },
  { pattern: /google activated for exampleuser/, scope: 'state' },
];


// Applied in this order: restoring the unmentioned defaults comes before setting the mentioned values.
const RULES: readonly Rule[] = [
  ...HARDENED_RULES,
  {
    pattern: /customer\/create_account\/confirm = 1 during this request/,
    scope: 'request',
    before: () => setConfig('customer/create_account/confirm', '1'),
    after: setConfig('customer/create_account/confirm', null),
  },
  {
    pattern: /customer\/create_account\/confirm = 1; the account was never confirmed/,
    scope: 'state',
    before: () => setConfig('customer/create_account/confirm', '1'),
  },
  {
    // Port 1 on loopback: nothing listens there, so sending fails as it did against 1026.
    pattern: /system\/smtp\/port was pointed at a closed port \(127\.0\.0\.1:\d+\) for this request only/,
    scope: 'request',
    before: () => setConfig('system/smtp/port', '1'),
    after: setConfig('system/smtp/port', null),
  },
  {
    pattern: /customer_entity\.failures_num=(\d+) and lock_expires = now \+ (\d+) min set in the DB \(the account is locked\)/,
    scope: 'state',
    before: (m) => (ctx) => ctx.control.lock(subjectOf(ctx).id, Number(m[1]), Number(m[2]) * 60),
  },
  {
    pattern: /(?:before this request, customer_entity\.)?rp_token_created_at (?:was )?set to UTC now (minus|plus) (\d+) (hours?|minutes?)(?: directly in the database)?/,
    scope: 'state',
    before: (m) => (ctx) =>
      ctx.control.resetTokenAge(subjectOf(ctx).id, (m[1] === 'minus' ? 1 : -1) * Number(m[2]) * (TIME_UNIT_SECONDS[m[3] ?? ''] ?? NaN)),
  },
  {
    pattern:
      /before this request: UPDATE customer_entity SET rp_token_created_at = DATE_SUB\(UTC_TIMESTAMP\(\), INTERVAL (\d+) (MINUTE|HOUR)\) WHERE entity_id = <ID_([A-Z0-9]+)>(?: \((?:same token|token <TOKEN_[A-Z0-9]+>, mailed by [a-z0-9-]+)\))?/,
    scope: 'state',
    before: (m) => (ctx) => ctx.control.resetTokenAge(ctx.customerId(m[3] ?? ''), Number(m[1]) * (m[2] === 'HOUR' ? 3600 : 60)),
  },
  {
    pattern:
      /before (?:this request|the first of these requests): UPDATE customer_entity SET failures_num = (\d+), first_failure = UTC_TIMESTAMP\(\), lock_expires = DATE_ADD\(UTC_TIMESTAMP\(\), INTERVAL (\d+) MINUTE\) WHERE entity_id = <ID_([A-Z0-9]+)> \(account locked\)/,
    scope: 'state',
    before: (m) => (ctx) => ctx.control.lock(ctx.customerId(m[3] ?? ''), Number(m[1]), Number(m[2]) * 60),
  },
  {
    pattern: /(\d+) failed token calls \(failures_count=\d+\), then oauth_token_request_log\.lock_expires_at moved 1 minute into the past/,
    scope: 'state',
    before: (m) => async (ctx) => {
      const { email } = subjectOf(ctx);
      await ctx.failTokenCalls(email, Number(m[1]));
      await ctx.control.expireTokenThrottle(email);
    },
  },
  {
    pattern: /password_reset_request_event emptied(?: \(DELETE FROM password_reset_request_event\))?(?: first| before the first request of this group)/,
    scope: 'state',
    before: () => (ctx) => ctx.control.clearPasswordResetRequests(),
  },
  {
    pattern: /all other customer\/password values at Magento defaults/,
    scope: 'state',
    before: (_, text) => restoreOtherPasswordConfig(text),
  },
  {
    // `config (php bin/magento config:set …): a=1, b=2;` and `config: a=1 (…), b=2 (php bin/magento …);`
    pattern: /(?:config \(php bin\/magento config:set <path> <value>; php bin\/magento cache:clean config\): |config: )?((?:(?:[a-z_]+\/){0,2}[a-z_]+=\d+(?: \((?:default|by email)\))?(?:, )?)+)(?: \(php bin\/magento config:set; cache:clean config\))?/,
    scope: 'state',
    before: (m) => async (ctx) => {
      for (const [, name = '', value = ''] of (m[1] ?? '').matchAll(ASSIGNMENT)) await ctx.control.setConfig(configPath(name), value);
    },
  },
  ...REMARKS.map((remark): Rule => ({ pattern: new RegExp(escape(remark)), scope: 'state' })),
];

/** The plan for one setup text; throws on any part it does not understand. */
export function planSetup(text: string): (ctx: SetupContext) => SetupPlan {
  let rest = text;
  const befores: Step[] = [];
  const afters: Step[] = [];
  let scope: SetupPlan['scope'] = 'state';
  for (const rule of RULES) {
    const match = rule.pattern.exec(rest);
    if (match === null) continue;
    if (rule.before) befores.push(rule.before(match, text));
    if (rule.after) afters.push(rule.after);
    if (rule.scope === 'request') scope = 'request';
    rest = rest.slice(0, match.index) + rest.slice(match.index + match[0].length);
  }
  const leftover = rest.replace(/[\s.;,]+/g, ' ').trim();
  if (leftover !== '') throw new Error(`setup not understood: "${leftover}" (in: "${text}")`);
  return (ctx) => ({
    scope,
    before: async () => {
      for (const step of befores) await step(ctx);
    },
    after: async () => {
      for (const step of afters) await step(ctx);
    },
  });
}
