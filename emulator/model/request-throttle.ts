// 2.4.8's limit on password reset requests (S/Model/SecurityManager.php, SecurityChecker/Frequency.php
// and Quantity.php): the password_reset_request_event table and its two checks.
import type { FaultSwitches } from './faults.js';
import { badRequest } from './magento-errors.js';
import { wholeSeconds } from './magento-time.js';
import type { StoreConfig } from './store-config.js';

interface ResetRequestEvent {
  email: string;
  ip: string;
  createdAt: number; // ms
}

// S/Model/Config/Source/ResetMethod.php
const PROTECTION = { NONE: 0, IP_AND_EMAIL: 1, IP: 2, EMAIL: 3 } as const;

// Quantity counts the requests of the last hour; the 3600 s is hard-coded in Magento.
const QUANTITY_WINDOW_MS = 3600 * 1000;

export class ResetRequestLimiter {
  #events: ResetRequestEvent[] = [];

  constructor(
    private readonly config: StoreConfig,
    private readonly faults: FaultSwitches,
  ) {}

  clear(): void {
    this.#events = [];
  }

  get size(): number {
    return this.#events.length;
  }

  /**
   * performSecurityCheck: the frequency check, then the quantity check, then the request is
   * recorded, whatever the protection type (type 0 only turns the checks off). A refused request
   * is not recorded. Runs before the customer lookup, so unknown emails count too.
   */
  check(email: string, ip: string, now: Date): void {
    const type = this.config.int('customer/password/password_reset_protection_type');
    if (type !== PROTECTION.NONE && !this.faults.isActive('throttle-ignored')) {
      const matching = this.#events.filter((event) => this.#matches(type, event, email, ip));
      this.#checkFrequency(matching, now);
      this.#checkQuantity(matching, now);
    }
    this.#events.push({ email, ip, createdAt: now.getTime() });
  }

  // The SQL compares account_reference under a case-insensitive collation.
  #matches(type: number, event: ResetRequestEvent, email: string, ip: string): boolean {
    const sameEmail = event.email.toLowerCase() === email.toLowerCase();
    const sameIp = event.ip === ip;
    if (type === PROTECTION.IP) return sameIp;
    if (type === PROTECTION.EMAIL) return sameEmail;
    return sameIp || sameEmail;
  }

  #checkFrequency(matching: readonly ResetRequestEvent[], now: Date): void {
    const minSeconds = this.config.int('customer/password/min_time_between_password_reset_requests') * 60;
    if (minSeconds === 0 || matching.length === 0) return;
    const last = Math.max(...matching.map((event) => Math.floor(event.createdAt / 1000)));
    if (minSeconds > wholeSeconds(now) - last) throw this.#tooManyRequests();
  }

  #checkQuantity(matching: readonly ResetRequestEvent[], now: Date): void {
    const max = this.config.int('customer/password/max_number_password_reset_requests');
    if (max === 0) return;
    const recent = matching.filter((event) => event.createdAt > now.getTime() - QUANTITY_WINDOW_MS);
    if (recent.length >= max) throw this.#tooManyRequests();
  }

  #tooManyRequests(): Error {
    return badRequest(
      'We received too many requests for password resets. Please wait and try again later or contact %1.',
      [this.config.get('contact/email/recipient_email')],
    );
  }
}
