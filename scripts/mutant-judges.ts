// The test written to catch each emulator fault, which `npm run test:mutants` runs first and alone: one test
// answers in seconds where the whole suite takes a minute. Only a verdict's speed rests on this table: a fault
// its test misses is judged by the whole suite, and the mutants table says the test missed it.
import type { FaultName } from '../emulator/model/faults.js';

export interface Judge {
  /** The spec file, from the project root. */
  readonly spec: string;
  /** The test's title, as written (a fault the preflight catches names the happy path). */
  readonly test: string;
}

const HAPPY_PATH: Judge = { spec: 'tests/reset-flow.spec.ts', test: 'a customer resets a forgotten password through the mailed link' };
const reset = (test: string): Judge => ({ spec: 'tests/reset.spec.ts', test });
const initiate = (test: string): Judge => ({ spec: 'tests/initiate.spec.ts', test });
const TOKEN_SHAPE: Judge = { spec: 'tests/validate-token.spec.ts', test: 'a token differing in letter case, cut short or extended is mismatched' };
const signIn = (test: string): Judge => ({ spec: 'tests/login-after-reset.spec.ts', test });
const GRAPHQL_CHANGE: Judge = { spec: 'tests/graphql/change-password.spec.ts', test: 'a wrong, empty or weak password is refused, each with its own message' };
const FORGOT_FORM: Judge = { spec: 'tests/storefront/forgot-form.spec.ts', test: 'a known and an unknown email get the same answer, and only the known one is mailed' };

export const FIRST_JUDGES: Record<FaultName, Judge> = {
  'token-not-cleared-after-reset': reset('a token is single-use: reusing it after a reset is mismatched'),
  'token-not-rotated': reset('a token superseded by a newer request is mismatched; the newer one works'),
  'token-not-rotated-before-template-check': initiate('an invalid template is refused, yet the token mailed before is already replaced'),
  'expiry-not-enforced': reset('a token older than the expiry period is expired, even with a weak password'),
  'expiry-off-by-one-hour': { spec: 'tests/serial/password-config.spec.ts', test: 'a 1-hour expiry period: 61 minutes is expired, 59 minutes still works' },
  'token-compare-case-insensitive': TOKEN_SHAPE,
  'token-prefix-match': TOKEN_SHAPE,
  'foreign-token-accepted': reset("another customer's token is mismatched and stays theirs"),
  'min-length-off-by-one': reset('a new password one character under the minimum is refused'),
  'character-classes-ignored': reset('a new password with too few character classes is refused'),
  'spaces-allowed': reset('a new password with a leading space is refused'),
  'password-equal-email-allowed': reset('a new password equal to the email'),
  'reset-does-not-change-password': HAPPY_PATH,
  'old-password-still-accepted': signIn('the new password works, the old fails, and a token issued before the reset survives'),
  'unknown-email-returns-true': initiate('an unknown email is a 404 naming the email and the website id sent'),
  'template-not-validated': initiate('an empty template is refused the same way'),
  'messages-rendered-with-values': initiate('without a template, "template" is required'),
  'parameters-missing': initiate('without a template, "template" is required'),
  'bad-request-as-500': initiate('without a template, "template" is required'),
  'mail-not-sent': HAPPY_PATH,
  'mail-to-wrong-address': HAPPY_PATH,
  'link-without-id': HAPPY_PATH,
  'wrong-subject': HAPPY_PATH,
  'wrong-sender': HAPPY_PATH,
  'reset-unlock-missing': signIn('a locked account can still reset, and the reset unlocks it'),
  'throttle-ignored': { spec: 'tests/serial/request-throttling.spec.ts', test: 'by IP and email: a second request within 10 minutes is refused, whatever the email' },
  'login-throttle-ignored': signIn('six failed sign-ins refuse even the right password, and a reset does not lift that'),
  'graphql-reset-skips-token-check': { spec: 'tests/graphql/reset-password.spec.ts', test: 'a wrong token is mismatched, checked before the password' },
  'graphql-unknown-email-returns-true': { spec: 'tests/graphql/request-reset.spec.ts', test: 'an unknown email is refused, so GraphQL too tells which accounts exist' },
  'graphql-category-lost': GRAPHQL_CHANGE,
  'graphql-statuses-flattened': GRAPHQL_CHANGE,
  'graphql-locked-account-allowed': {
    spec: 'tests/graphql/locked-account.spec.ts',
    test: 'can neither request nor complete a reset, though REST completes it with the same token and unlocks',
  },
  'storefront-forgot-tells-unknown-email': FORGOT_FORM,
  'storefront-success-message-missing': FORGOT_FORM,
  'storefront-reused-link-opens-form': { spec: 'tests/storefront/bad-links.spec.ts', test: 'the link again after the password was set with it' },
  'storefront-mismatched-confirmation-accepted': { spec: 'tests/storefront/set-password.spec.ts', test: 'a new password with a confirmation that differs' },
  'storefront-recaptcha-not-enforced': {
    spec: 'tests/storefront/serial/recaptcha.spec.ts',
    test: 'with reCAPTCHA on the forgot form, its button waits for Google and a post without a response is refused',
  },
};

/** The playwright.config.ts project a spec file belongs to. */
export function projectOf(spec: string): string {
  const serial = spec.includes('/serial/') ? '-serial' : '';
  return `${spec.startsWith('tests/storefront/') ? 'storefront' : 'suite'}${serial}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Playwright arguments that run exactly these judges (of one project): their files, and their titles as --grep. */
export function judgeArgs(judges: readonly Judge[]): string[] {
  const specs = [...new Set(judges.map((judge) => judge.spec))];
  const titles = [...new Set(judges.map((judge) => escapeRegExp(judge.test)))];
  return ['--no-deps', ...specs, `--grep=${titles.join('|')}`];
}
