// Customer rp_token: generation, the mismatch and expiry checks, and their order
// (C/Model/AccountManagement::validateResetPasswordToken, C/Model/Customer::isResetPasswordLinkTokenExpired).
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Accounts, CustomerRecord } from './accounts.js';
import type { FaultSwitches } from './faults.js';
import { badRequest } from './magento-errors.js';
import { wholeSeconds } from './magento-time.js';
import type { StoreConfig } from './store-config.js';

// Math\Random::getUniqueHash(): 32 characters of [a-zA-Z0-9] drawn with random_int.
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const TOKEN_LENGTH = 32;

export function newResetToken(): string {
  let token = '';
  for (let i = 0; i < TOKEN_LENGTH; i += 1) token += TOKEN_ALPHABET.charAt(randomInt(TOKEN_ALPHABET.length));
  return token;
}

/** Saves a fresh token (changeResetPasswordLinkToken); the previous one stops working. */
export function rotateResetToken(customer: CustomerRecord, now: Date, faults: FaultSwitches): void {
  if (customer.rpToken === null || !faults.isActive('token-not-rotated')) customer.rpToken = newResetToken();
  customer.rpTokenCreatedAt = now;
  customer.updatedAt = now;
}

/** Re-saves rp_token_created_at = now: the storefront's CreatePassword does it on every view. */
export function extendResetToken(customer: CustomerRecord, now: Date): void {
  customer.rpTokenCreatedAt = now;
}

export function clearResetToken(customer: CustomerRecord, faults: FaultSwitches): void {
  if (faults.isActive('token-not-cleared-after-reset')) return;
  customer.rpToken = null;
  customer.rpTokenCreatedAt = null;
}

// hash_equals; a missing stored token never matches.
function tokenMatches(stored: string | null, given: string, faults: FaultSwitches): boolean {
  if (stored === null) return false;
  if (faults.isActive('token-prefix-match') && stored.startsWith(given)) return true;
  const [left, right] = faults.isActive('token-compare-case-insensitive')
    ? [stored.toLowerCase(), given.toLowerCase()]
    : [stored, given];
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Expired when unset, dated in the future, or floor(age in hours) >= reset_link_expiration_period.
function isExpired(customer: CustomerRecord, config: StoreConfig, now: Date, faults: FaultSwitches): boolean {
  if (!customer.rpToken || customer.rpTokenCreatedAt === null) return true;
  if (faults.isActive('expiry-not-enforced')) return false;
  const createdAt = wholeSeconds(customer.rpTokenCreatedAt);
  const current = wholeSeconds(now);
  if (createdAt > current) return true;
  const ageHours = Math.floor((current - createdAt) / 3600);
  const period = config.int('customer/password/reset_link_expiration_period');
  return ageHours >= period + (faults.isActive('expiry-off-by-one-hour') ? 1 : 0);
}

/** Throws Magento's "mismatched" or "expired" error unless `given` is the customer's live token. */
export function assertResetTokenValid(
  customer: CustomerRecord,
  given: string,
  context: { accounts: Accounts; config: StoreConfig; faults: FaultSwitches; now: Date },
): void {
  const { accounts, config, faults, now } = context;
  const owner =
    tokenMatches(customer.rpToken, given, faults) || !faults.isActive('foreign-token-accepted')
      ? customer
      : (accounts.all().find((other) => tokenMatches(other.rpToken, given, faults)) ?? customer);
  if (!tokenMatches(owner.rpToken, given, faults)) {
    throw badRequest('The password token is mismatched. Reset and try again.');
  }
  if (isExpired(owner, config, now, faults)) throw badRequest('The password token is expired. Reset and try again.');
}
