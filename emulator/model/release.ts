// The Magento release the emulator answers as: a line (2.4.6 … 2.4.9) and a patch level (0 = GA).
// Every behaviour that differs by release is one predicate here, keyed on the first release that has
// it (../shared/magento-release-lines.md §2–3, confirmed where noted by the recorded transcripts and
// PATCHES.md). Each predicate reads "from pN on", so a patch newer than any known answers as the
// newest known of its line.

export const RELEASE_LINES = ['2.4.6', '2.4.7', '2.4.8', '2.4.9'] as const;
export type ReleaseLine = (typeof RELEASE_LINES)[number];

export interface Release {
  readonly line: ReleaseLine;
  /** 0 for the GA release, N for `-pN`. */
  readonly patch: number;
  /** As written: `2.4.8`, `2.4.7-p6`. */
  readonly name: string;
}

const RELEASE_NAME = /^(2\.4\.[6-9])(?:-p([1-9]\d*))?$/;

/** The release a name like `2.4.8` or `2.4.7-p6` means; undefined for anything else. */
export function parseRelease(name: string): Release | undefined {
  const match = RELEASE_NAME.exec(name);
  if (match === null) return undefined;
  return { line: match[1] as ReleaseLine, patch: Number(match[2] ?? 0), name };
}

/** Like parseRelease, for names known to be valid (tests, defaults); throws otherwise. */
export function release(name: string): Release {
  const parsed = parseRelease(name);
  if (parsed === undefined) throw new Error(`not a Magento release this emulator knows: ${name}`);
  return parsed;
}

const lineIndex = (line: ReleaseLine): number => RELEASE_LINES.indexOf(line);

/** On `line` from its patch `patch` on, or on any later line. */
export function isAtLeast(r: Release, line: ReleaseLine, patch = 0): boolean {
  const diff = lineIndex(r.line) - lineIndex(line);
  return diff > 0 || (diff === 0 && r.patch >= patch);
}

// ---- REST input (W/Controller/Rest/InputParamsResolver.php) ----

/**
 * Body keys equal apart from case or `_` are dropped after the first, for this HTTP method:
 * 2.4.6-p6/p7 every method; PUT only from 2.4.6-p8, 2.4.7-p1 and 2.4.8 GA (recorded:
 * x-initiate-duplicate-key-snake-first, field2Value 7 on 2.4.7-p6 and 2.4.8, 1 on 2.4.7 GA).
 */
export function dropsRespelledKeys(r: Release, method: string): boolean {
  if (r.line === '2.4.6' && (r.patch === 6 || r.patch === 7)) return true;
  if (method !== 'PUT') return false;
  return r.line === '2.4.6' ? r.patch >= 8 : isAtLeast(r, '2.4.7', 1);
}

// ---- reset requests (S/Model/Plugin/AccountManagement.php) ----

/** The Security module limits REST `PUT /V1/customers/password` from 2.4.8 (AC-10654). */
export const restResetRequestsThrottled = (r: Release): boolean => isAtLeast(r, '2.4.8');

/** GraphQL `requestPasswordResetEmail` obeys the same limits from 2.4.9 (ACP2E-3992; docs, not code). */
export const graphqlResetRequestsThrottled = (r: Release): boolean => isAtLeast(r, '2.4.9');

// ---- customers (C/Model/AccountManagement*.php, Validator/Name.php) ----

/** createAccount without an email: 2.4.8's own 400 message; earlier lines fail on the required field. */
export const createNamesMissingEmail = (r: Release): boolean => isAtLeast(r, '2.4.8');

/** An anonymous create choosing `group_id` is refused from 2.4.6-p9 (CVE-2025-24434); before, the group is dropped. */
export const anonymousGroupIdRefused = (r: Release): boolean => isAtLeast(r, '2.4.7') || isAtLeast(r, '2.4.6', 9);

/** `&` is a name character from 2.4.7 (2.4.6's Validator\Name pattern lacks it). */
export const namesAllowAmpersand = (r: Release): boolean => isAtLeast(r, '2.4.7');

// ---- tokens (I/Model/CustomerTokenService.php, JwtUserToken) ----

/** The `customer_unlock` observer on webapi_rest logins clears failures_num from 2.4.8; 2.4.7 leaves it. */
export const tokenSuccessClearsFailures = (r: Release): boolean => isAtLeast(r, '2.4.8');

/** 2.4.8 lets EmailNotConfirmedException through the token service; earlier lines mask it. */
export const tokenNamesUnconfirmedAccount = (r: Release): boolean => isAtLeast(r, '2.4.8');

/** JWTs are checked with the newest `crypt/key` only from 2.4.6-p7 / 2.4.7-p2 / 2.4.8 (APSB24-61; live on both patches). */
export const jwtNewestKeyOnly = (r: Release): boolean => isAtLeast(r, '2.4.7', 2) || (r.line === '2.4.6' && r.patch >= 7);

/** GraphQL `changeCustomerPassword` mails "password changed" from 2.4.7 (recorded: 2.4.6-p11 sends none). */
export const graphqlPasswordChangeMailed = (r: Release): boolean => isAtLeast(r, '2.4.7');

/**
 * GraphQL answers with HTTP statuses from 2.4.8 (LYNX-319, GQ/Controller/GraphQl.php): 401/403 by error
 * category, 400 for syntax and input errors, and the bearer validated up front (401 for an unreadable,
 * expired or revoked one); earlier lines answer 200, or 500 for a request that cannot be parsed.
 */
export const graphqlHttpStatuses = (r: Release): boolean => isAtLeast(r, '2.4.8');

// ---- mail (E/Model/Transport.php) ----

/** laminas-mail up to 2.4.7, symfony/mailer from 2.4.8. */
export const mailLibrary = (r: Release): 'laminas' | 'symfony' => (isAtLeast(r, '2.4.8') ? 'symfony' : 'laminas');

/** 2.4.8's reset templates carry `email=` in the link. */
export const resetLinkHasEmail = (r: Release): boolean => isAtLeast(r, '2.4.8');

/**
 * What `system/smtp/set_return_path` (1 or 2) does to sending: 2.4.8 GA's Transport throws (no mail,
 * initiate answers `false`, AC-14520); laminas and 2.4.8-p1+ send with a `Sender` header.
 */
export const returnPathBreaksSending = (r: Release): boolean => r.line === '2.4.8' && r.patch === 0;
