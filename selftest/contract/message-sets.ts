// The registry of the messages the suite expects, each set with how a recording is searched for it.
import { isDeepStrictEqual } from 'node:util';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { graphqlErrors, graphqlValidationErrors } from '../../fixtures/magento-graphql/messages.js';
import { graphqlError } from '../../fixtures/magento-graphql/schemas.js';
import { readFromCode } from '../../fixtures/read-from-code.js';
import { fieldErrors, headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import type { MagentoError } from '../../fixtures/magento/schemas.js';
import { magentoError } from '../../fixtures/magento/schemas.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSCRIPTS_DIR } from '../conformance/transcript.js';
import type { Exchange, RecordedCase } from './recordings.js';

export interface MessageSet {
  readonly name: string;
  /** Each expected body under the name of the entry it comes from, with the arguments the suite passes. */
  readonly expected: readonly { readonly entry: string; readonly body: unknown }[];
  /** Entry → the Magento file it was read from, for what no recording shows (marked beside the entry). */
  readonly readFromCode: ReadonlyMap<string, string>;
  /** Whether the exchange's answer is that expected body, verbatim. */
  occursIn(body: unknown, exchange: Exchange): boolean;
}

/**
 * Every entry of fixtures/magento/messages.ts with the arguments the suite passes it (values a recording
 * holds: `hello@example.com` is the recorded store's contact). Typed over the entries, so a new entry
 * does not compile until it is listed here.
 */
const REST_SAMPLES: { readonly [Entry in keyof typeof magentoErrors]: readonly MagentoError[] } = {
  required: ['email', 'template', 'resetPasswordLinkToken'].map(magentoErrors.required),
  allRequired: [magentoErrors.allRequired(['email', 'template']), magentoErrors.allRequired(['email', 'resetToken', 'newPassword'])],
  noSuchEmail: [magentoErrors.noSuchEmail('not-an-email', 1), magentoErrors.noSuchEmail('', 1)],
  noSuchCustomerId: [magentoErrors.noSuchCustomerId(987654321)],
  invalidTemplate: [magentoErrors.invalidTemplate('bogus'), magentoErrors.invalidTemplate('')],
  invalidFieldValue: [magentoErrors.invalidFieldValue(0, 'customerId')],
  invalidType: [magentoErrors.invalidType('abc', 'int')],
  tokenMismatched: [magentoErrors.tokenMismatched],
  tokenExpired: [magentoErrors.tokenExpired],
  passwordEqualsEmail: [magentoErrors.passwordEqualsEmail],
  passwordTooLong: [magentoErrors.passwordTooLong(256)],
  passwordTooShort: [magentoErrors.passwordTooShort(8), magentoErrors.passwordTooShort(10)],
  passwordSpaces: [magentoErrors.passwordSpaces],
  passwordClasses: [magentoErrors.passwordClasses(3), magentoErrors.passwordClasses(4)],
  signInFailed: [magentoErrors.signInFailed],
  notAuthorized: [magentoErrors.notAuthorized('self')],
  tooManyResetRequests: [magentoErrors.tooManyResetRequests('hello@example.com')],
  noRoute: [magentoErrors.noRoute],
  recaptchaFailed: [magentoErrors.recaptchaFailed],
  tfaNotConfigured: [magentoErrors.tfaNotConfigured],
  tfaConfigureFirst: [magentoErrors.tfaConfigureFirst(['google'])],
  tfaUseProviderEndpoints: [magentoErrors.tfaUseProviderEndpoints(['google'])],
  tfaInvalidCode: [magentoErrors.tfaInvalidCode],
  tfaProviderNotConfigured: [magentoErrors.tfaProviderNotConfigured],
};

/** The entries of a message set marked with `fromCode(file, …)`, each with its file. */
export function markedEntries(set: Readonly<Record<string, unknown>>): ReadonlyMap<string, string> {
  return new Map(Object.entries(set).flatMap(([entry, value]) => {
    const file = readFromCode.get(value);
    return file === undefined ? [] : [[entry, file] as const];
  }));
}

/** A REST error body as the suite compares it: parsed by its own schema (which drops a developer-mode trace). */
function restErrorOf(exchange: Exchange): unknown {
  if (!exchange.request.path.startsWith('/rest/') || exchange.response.status === 200) return undefined;
  try {
    const parsed = magentoError.safeParse(JSON.parse(exchange.response.body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const restMessages: MessageSet = {
  name: 'fixtures/magento/messages.ts',
  expected: Object.entries(REST_SAMPLES).flatMap(([entry, bodies]) => bodies.map((body) => ({ entry, body }))),
  readFromCode: markedEntries(magentoErrors),
  occursIn: (body, exchange) => isDeepStrictEqual(restErrorOf(exchange), body),
};

/** A GraphQL error as the suite compares it: its message, and its category when it has one. */
interface GraphqlMessage {
  readonly message: string;
  readonly category?: string;
}

/**
 * Every entry of fixtures/magento-graphql/messages.ts with the arguments the suite passes (the stock
 * policy: at least 8, at most 256, 3 classes). Typed over the entries, so a new entry does not compile
 * until it is listed here.
 */
const GRAPHQL_SAMPLES: {
  readonly [Entry in keyof typeof graphqlErrors | keyof typeof graphqlValidationErrors]: readonly GraphqlMessage[];
} = {
  emailRequired: [graphqlErrors.emailRequired],
  emailFormat: [graphqlErrors.emailFormat],
  cannotReset: [graphqlErrors.cannotReset],
  cannotSetPassword: [graphqlErrors.cannotSetPassword],
  tokenRequired: [graphqlErrors.tokenRequired],
  newPasswordRequired: [graphqlErrors.newPasswordRequired],
  accountLockedInput: [graphqlErrors.accountLockedInput],
  tokenMismatched: [graphqlErrors.tokenMismatched],
  tokenExpired: [graphqlErrors.tokenExpired],
  passwordEqualsEmail: [graphqlErrors.passwordEqualsEmail],
  passwordTooLong: [graphqlErrors.passwordTooLong(256)],
  passwordTooShort: [graphqlErrors.passwordTooShort(8)],
  passwordSpaces: [graphqlErrors.passwordSpaces],
  passwordClasses: [graphqlErrors.passwordClasses(3)],
  specify: ['email', 'password', 'currentPassword'].map(graphqlErrors.specify),
  signInFailed: [graphqlErrors.signInFailed],
  invalidLogin: [graphqlErrors.invalidLogin],
  accountLocked: [graphqlErrors.accountLocked],
  notAuthorized: [graphqlErrors.notAuthorized],
  tokenRevoked: [graphqlErrors.tokenRevoked],
  tokenUnreadable: [graphqlErrors.tokenUnreadable],
  unknownField: [{ message: graphqlValidationErrors.unknownField('noSuchField', 'Query') }],
};

/** The errors of a recorded /graphql answer, each as the suite compares it (a developer-mode debug message dropped). */
function graphqlMessagesOf(exchange: Exchange): GraphqlMessage[] {
  if (!exchange.request.path.endsWith('/graphql')) return [];
  try {
    const errors: unknown = (JSON.parse(exchange.response.body) as { errors?: unknown }).errors;
    return (Array.isArray(errors) ? errors : []).flatMap((raw) => {
      const parsed = graphqlError.safeParse(raw);
      if (!parsed.success) return [];
      const { message, extensions } = parsed.data;
      return [extensions === undefined ? { message } : { message, category: extensions.category }];
    });
  } catch {
    return [];
  }
}

const graphqlMessages: MessageSet = {
  name: 'fixtures/magento-graphql/messages.ts',
  expected: Object.entries(GRAPHQL_SAMPLES).flatMap(([entry, bodies]) => bodies.map((body) => ({ entry, body }))),
  readFromCode: markedEntries({ ...graphqlErrors, ...graphqlValidationErrors }),
  occursIn: (body, exchange) => graphqlMessagesOf(exchange).some((recorded) => isDeepStrictEqual(recorded, body)),
};

/**
 * Every entry of fixtures/storefront/messages.ts with the arguments the suite passes (the stock policy, the
 * recorded store's contact, an address the 2.4.8 walk typed). Typed over the entries, so a new entry does
 * not compile until it is listed here.
 */
const STOREFRONT_SAMPLES: {
  readonly headings: { readonly [Entry in keyof typeof headings]: readonly string[] };
  readonly storefrontMessages: { readonly [Entry in keyof typeof storefrontMessages]: readonly string[] };
  readonly fieldErrors: { readonly [Entry in keyof typeof fieldErrors]: readonly string[] };
} = {
  headings: { forgot: [headings.forgot], setPassword: [headings.setPassword], login: [headings.login], account: [headings.account] },
  storefrontMessages: {
    resetRequested: [storefrontMessages.resetRequested('sf-a-oweq329@example.com'), storefrontMessages.resetRequested('SF-A-OWEQ329@EXAMPLE.COM')],
    emailIncorrect: [storefrontMessages.emailIncorrect],
    emailEmpty: [storefrontMessages.emailEmpty],
    invalidFormKey: [storefrontMessages.invalidFormKey],
    incorrectCaptcha: [storefrontMessages.incorrectCaptcha],
    recaptchaFailed: [storefrontMessages.recaptchaFailed],
    tooManyResetRequests: [storefrontMessages.tooManyResetRequests('hello@example.com')],
    linkExpired: [storefrontMessages.linkExpired],
    passwordUpdated: [storefrontMessages.passwordUpdated],
    confirmationMismatch: [storefrontMessages.confirmationMismatch],
    passwordTooShort: [storefrontMessages.passwordTooShort(8)],
    passwordClasses: [storefrontMessages.passwordClasses(3)],
    passwordEqualsEmail: [storefrontMessages.passwordEqualsEmail],
    passwordEmpty: [storefrontMessages.passwordEmpty],
    passwordSpaces: [storefrontMessages.passwordSpaces],
    signInFailed: [storefrontMessages.signInFailed],
  },
  fieldErrors: {
    required: [fieldErrors.required],
    email: [fieldErrors.email],
    minLength: [fieldErrors.minLength(8)],
    classes: [fieldErrors.classes(3)],
    confirmation: [fieldErrors.confirmation],
  },
};

/** `&#039;` as the shopper reads it: Magento escapes the cookie's texts, Luma's JS shows them unescaped. */
const unescaped = (text: string): string => text.replace(/&#0?39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The texts a storefront answer carries: the `mage-messages` cookie it sets, and its page heading. */
function storefrontTextsOf(exchange: Exchange): string[] {
  const setCookie = exchange.response.headers['set-cookie'] ?? [];
  const cookies = typeof setCookie === 'string' ? [setCookie] : setCookie;
  const messages = cookies.flatMap((cookie) => {
    const value = /^mage-messages=([^;]*)/.exec(cookie)?.[1];
    if (value === undefined || value === '') return [];
    try {
      const parsed: unknown = JSON.parse(decodeURIComponent(value));
      return (Array.isArray(parsed) ? parsed : []).flatMap((message: unknown) => {
        const text = typeof message === 'object' && message !== null ? (message as { text?: unknown }).text : undefined;
        return typeof text === 'string' ? [unescaped(text)] : [];
      });
    } catch {
      return [];
    }
  });
  // the hardened store's posts keep what their redirect target showed (`mage_messages_after_redirect`)
  const afterRedirect = (exchange.mage_messages_after_redirect ?? []).flat().map((message) => unescaped(message.text));
  const heading = exchange.summary?.main_heading;
  return [...messages, ...afterRedirect, ...(typeof heading === 'string' ? [heading] : [])];
}

/** Every text of the browser walks recorded beside the storefront exchanges (`browser-run.json`): what Luma's JS showed. */
function browserWalkTexts(): ReadonlySet<string> {
  const texts = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  for (const folder of readdirSync(TRANSCRIPTS_DIR)) {
    const file = join(TRANSCRIPTS_DIR, folder, 'browser-run.json');
    try {
      collect(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    }
  }
  return texts;
}

const walked = browserWalkTexts();
const isStorefront = (exchange: Exchange): boolean => !exchange.request.path.startsWith('/rest/') && !exchange.request.path.endsWith('/graphql');

const storefrontSets = { headings, storefrontMessages, fieldErrors } as const;
const storefrontMessageSet: MessageSet = {
  name: 'fixtures/storefront/messages.ts',
  expected: Object.entries(STOREFRONT_SAMPLES).flatMap(([group, entries]) =>
    Object.entries(entries).flatMap(([entry, texts]) => texts.map((body) => ({ entry: `${group}.${entry}`, body })))),
  readFromCode: new Map(Object.entries(storefrontSets).flatMap(([group, set]) =>
    [...markedEntries(set)].map(([entry, file]) => [`${group}.${entry}`, file] as const))),
  // A page's texts, or (for a storefront exchange) what the browser walk beside it showed under a field.
  occursIn: (body, exchange) => isStorefront(exchange) && typeof body === 'string' && (storefrontTextsOf(exchange).includes(body) || walked.has(body)),
};

/** Every message set the suite has. */
export const MESSAGE_SETS: readonly MessageSet[] = [restMessages, graphqlMessages, storefrontMessageSet];

/** The expected bodies of a set that no recording holds and no `fromCode` mark excuses. */
export function unrecordedMessages(set: MessageSet, recordings: readonly RecordedCase[]): MessageSet['expected'] {
  return set.expected.filter(
    ({ entry, body }) => !set.readFromCode.has(entry) && !recordings.some((recorded) => set.occursIn(body, recorded.exchange)),
  );
}
