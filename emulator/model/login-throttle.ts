// The token endpoints' throttle (I/Model/Oauth/Token/RequestThrottler.php and the
// oauth_token_request_log table): failures per username and user type, with a lock expiry.
import type { FaultSwitches } from './faults.js';
import type { JwtUserType } from './jwt.js';
import { unauthorized } from './magento-errors.js';
import type { StoreConfig } from './store-config.js';

interface RequestLogRow {
  failures: number;
  lockExpiresAt: number; // ms
}

export const SIGN_IN_FAILED =
  'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.';

export class LoginThrottle {
  readonly #log = new Map<string, RequestLogRow>();

  constructor(
    private readonly config: StoreConfig,
    private readonly faults: FaultSwitches,
  ) {}

  // user_name is compared by the database's case-insensitive collation.
  #key(username: string, type: JwtUserType): string {
    return `${type}\n${username.toLowerCase()}`;
  }

  /** Refuses while the count has reached max_failures_count and its lock has not expired. */
  assertNotThrottled(username: string, type: JwtUserType, now: Date): void {
    if (this.faults.isActive('login-throttle-ignored')) return;
    const row = this.#log.get(this.#key(username, type));
    const activeFailures = row !== undefined && row.lockExpiresAt > now.getTime() ? row.failures : 0;
    if (activeFailures >= this.config.int('oauth/authentication_lock/max_failures_count')) {
      throw unauthorized(SIGN_IN_FAILED);
    }
  }

  /** Each failure adds one and pushes the lock to now + timeout; an expired row keeps its count. */
  recordFailure(username: string, type: JwtUserType, now: Date): void {
    const key = this.#key(username, type);
    const failures = (this.#log.get(key)?.failures ?? 0) + 1;
    const timeoutMs = this.config.int('oauth/authentication_lock/timeout') * 1000;
    this.#log.set(key, { failures, lockExpiresAt: now.getTime() + timeoutMs });
  }

  /** Only a successful sign-in clears the row (a password reset does not). */
  reset(username: string, type: JwtUserType): void {
    this.#log.delete(this.#key(username, type));
  }

  /** Control surface: the lock ends now, the count stays. */
  expireLock(username: string, type: JwtUserType, now: Date): void {
    const row = this.#log.get(this.#key(username, type));
    if (row !== undefined) row.lockExpiresAt = now.getTime();
  }
}
