// A customer's password: setting it and checking a sign-in attempt against it.
import type { CustomerRecord } from './accounts.js';
import type { FaultSwitches } from './faults.js';
import { hashPassword, verifyPassword } from './password-hash.js';

export function setPassword(customer: CustomerRecord, password: string, now: Date): void {
  if (customer.passwordHash !== null) customer.replacedPasswordHashes.push(customer.passwordHash);
  customer.passwordHash = hashPassword(password);
  customer.updatedAt = now;
}

export function passwordMatches(customer: CustomerRecord, password: string, faults: FaultSwitches): boolean {
  if (verifyPassword(password, customer.passwordHash)) return true;
  return (
    faults.isActive('old-password-still-accepted') &&
    customer.replacedPasswordHashes.some((replaced) => verifyPassword(password, replaced))
  );
}
