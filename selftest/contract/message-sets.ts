// The registry of the messages the suite expects, each set with how a recording is searched for it.
import { isDeepStrictEqual } from 'node:util';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { readFromCode } from '../../fixtures/read-from-code.js';
import type { MagentoError } from '../../fixtures/magento/schemas.js';
import { magentoError } from '../../fixtures/magento/schemas.js';
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

/** Every message set the suite has; GraphQL and storefront sets join here. */
export const MESSAGE_SETS: readonly MessageSet[] = [restMessages];

/** The expected bodies of a set that no recording holds and no `fromCode` mark excuses. */
export function unrecordedMessages(set: MessageSet, recordings: readonly RecordedCase[]): MessageSet['expected'] {
  return set.expected.filter(
    ({ entry, body }) => !set.readFromCode.has(entry) && !recordings.some((recorded) => set.occursIn(body, recorded.exchange)),
  );
}
