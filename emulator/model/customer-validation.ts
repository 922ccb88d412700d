// What CustomerRepository::save checks before it stores a new customer: required names,
// the email format and the name pattern (C/Model/Validator/Name.php), then email uniqueness.
import type { Accounts } from './accounts.js';
import type { CustomerInput } from '../services/customer-input.js';
import { badRequest, inputErrors, phrase, requiredFields } from './magento-errors.js';
import { namesAllowAmpersand } from './release.js';
import type { Release } from './release.js';

// Validator\Name::PATTERN_NAME, anchored: letters, marks, digits, spaces and , - _ . ' ’ ` (and & from 2.4.7)
const NAME_PATTERN = /^[\p{L}\p{M},\-_.'’`&\s\d]{1,255}$/u;
const NAME_PATTERN_246 = /^[\p{L}\p{M},\-_.'’`\s\d]{1,255}$/u;

// A pragmatic stand-in for Laminas' EmailAddress validator.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The EmailAddress validator, also used by the GraphQL reset resolvers and the storefront's forgot form before any lookup. */
export const isValidEmail = (email: string): boolean => EMAIL_PATTERN.test(email);

const NAME_FIELDS = [
  ['firstname', 'First Name is not valid!'],
  ['lastname', 'Last Name is not valid!'],
  ['middlename', 'Middle Name is not valid!'],
] as const;

export function assertValidNewCustomer(customer: CustomerInput, accounts: Accounts, websiteId: number, release: Release): void {
  const namePattern = namesAllowAmpersand(release) ? NAME_PATTERN : NAME_PATTERN_246;
  const missing = (['firstname', 'lastname', 'email'] as const).filter((field) => !customer[field]);
  if (missing.length > 0) throw requiredFields(missing);
  const email = customer.email ?? '';
  if (!isValidEmail(email)) throw badRequest('"Email" is not a valid email address.');
  const invalidNames = NAME_FIELDS.filter(([field]) => {
    const value = customer[field];
    return value !== undefined && value !== '' && !namePattern.test(value);
  }).map(([, message]) => phrase(message));
  if (invalidNames.length > 0) throw inputErrors(invalidNames);
  if (accounts.findByEmail(email, websiteId) !== undefined) {
    throw badRequest('A customer with the same email address already exists in an associated website.');
  }
}
