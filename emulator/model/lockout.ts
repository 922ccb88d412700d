// Customer account lockout (C/Model/Authentication.php): failures_num, first_failure, lock_expires.
import type { CustomerRecord } from './accounts.js';
import { passwordMatches } from './credentials.js';
import type { FaultSwitches } from './faults.js';
import { InvalidCredentialsError, phrase, unauthorized } from './magento-errors.js';
import type { StoreConfig } from './store-config.js';

export function isLocked(customer: CustomerRecord, now: Date): boolean {
  return customer.lockExpires !== null && customer.lockExpires > now;
}

/**
 * One failed password check. The count restarts at 1 on the first failure or after an expired
 * lock; reaching `lockout_failures` sets lock_expires = now + `lockout_threshold` minutes.
 * Either setting at 0 turns the lockout off.
 */
export function recordAuthenticationFailure(customer: CustomerRecord, config: StoreConfig, now: Date): void {
  const thresholdSeconds = config.int('customer/password/lockout_threshold') * 60;
  const maxFailures = config.int('customer/password/lockout_failures');
  if (thresholdSeconds === 0 || maxFailures === 0) return;
  const failures = customer.failuresNum + 1;
  const lockExpired = customer.lockExpires !== null && now > customer.lockExpires;
  if (failures === 1 || customer.firstFailure === null || lockExpired) {
    customer.firstFailure = now;
    customer.failuresNum = 1;
    customer.lockExpires = null;
  } else {
    if (failures >= maxFailures) customer.lockExpires = new Date(now.getTime() + thresholdSeconds * 1000);
    customer.failuresNum = failures;
  }
  customer.updatedAt = now;
}

/** Clears the lock; the row (and so updated_at) only changes when something was set. */
export function unlock(customer: CustomerRecord, now: Date): void {
  if (customer.failuresNum === 0 && customer.firstFailure === null && customer.lockExpires === null) return;
  customer.failuresNum = 0;
  customer.firstFailure = null;
  customer.lockExpires = null;
  customer.updatedAt = now;
}

/**
 * Authentication::authenticate: a wrong password counts as a failure, then answers
 * `The account is locked.` if that (or an earlier failure) locked the account, else
 * `Invalid login or password.`. The right password passes even while locked.
 */
export function authenticate(
  customer: CustomerRecord,
  password: string,
  context: { config: StoreConfig; faults: FaultSwitches; now: Date },
): void {
  if (passwordMatches(customer, password, context.faults)) return;
  recordAuthenticationFailure(customer, context.config, context.now);
  if (isLocked(customer, context.now)) throw unauthorized('The account is locked.');
  throw new InvalidCredentialsError(401, phrase('Invalid login or password.'));
}
