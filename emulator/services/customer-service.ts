// Customer account operations around the reset flow: create (with the welcome mail and its
// rp_token), delete, read, and PUT me/password (C/Model/AccountManagement(Api).php, CustomerRepository).
import { randomBytes } from 'node:crypto';
import { customerData, DEFAULT_WEBSITE_ID } from '../model/accounts.js';
import type { CustomerRecord } from '../model/accounts.js';
import { setPassword } from '../model/credentials.js';
import { customerInput } from './customer-input.js';
import { assertValidNewCustomer } from '../model/customer-validation.js';
import type { ServiceCall } from '../model/emulator-state.js';
import { authenticate } from '../model/lockout.js';
import { badRequest, InvalidCredentialsError, noSuchCustomerId, notAuthorizedFor, unauthorized } from '../model/magento-errors.js';
import { hashPassword } from '../model/password-hash.js';
import { anonymousGroupIdRefused, createNamesMissingEmail } from '../model/release.js';
import { assertDifferentFromEmail, assertPasswordStrength } from '../model/password-policy.js';
import { newResetToken } from '../model/reset-tokens.js';
import type { JsonObject } from './service-input.js';

/** CustomerRegistry::retrieve: the customer, or the 404 for an unknown id. */
export function customerById(call: ServiceCall, customerId: number): CustomerRecord {
  const customer = call.state.accounts.get(customerId);
  if (customer === undefined) throw noSuchCustomerId(customerId);
  return customer;
}

/** The caller's own id: `self` routes have it forced from the token. */
export function ownId(call: ServiceCall): number {
  if (call.caller.kind !== 'customer') throw notAuthorizedFor('self');
  return call.caller.customerId;
}

/** POST /V1/customers */
export async function createAccount(call: ServiceCall): Promise<Record<string, unknown>> {
  const { state, now } = call;
  const input = customerInput(call.input.customer as JsonObject);
  const password = call.input.password as string | null;
  // AccountManagementApi: choosing a group needs Magento_Customer::manage; before 2.4.6-p9 the group is dropped.
  if (input.group_id !== undefined && call.caller.kind !== 'admin') {
    if (anonymousGroupIdRefused(state.release)) throw notAuthorizedFor('Magento_Customer::manage');
    delete input.group_id;
  }
  if (input.email === undefined && createNamesMissingEmail(state.release)) {
    throw badRequest('The email address is required to create a customer account.');
  }
  if (password !== null) {
    assertPasswordStrength(password, state.config, state.faults);
    assertDifferentFromEmail(input.email ?? '', password, state.faults);
  }
  const websiteId = input.website_id ?? DEFAULT_WEBSITE_ID;
  assertValidNewCustomer(input, state.accounts, websiteId, state.release);
  const { dob, middlename, prefix, suffix, taxvat } = input;
  const optional = Object.fromEntries(
    Object.entries({ dob, middlename, prefix, suffix, taxvat }).filter(([, value]) => value !== undefined),
  );
  const customer = state.accounts.add(
    {
      email: input.email ?? '',
      firstname: input.firstname ?? '',
      lastname: input.lastname ?? '',
      optional,
      gender: input.gender ?? null,
      groupId: input.group_id,
      storeId: input.store_id,
      websiteId,
    },
    password === null ? null : hashPassword(password),
    now,
  );
  // A new account already carries a reset token; the welcome mail links to it.
  customer.rpToken = newResetToken();
  customer.rpTokenCreatedAt = now;
  if (state.config.get('customer/create_account/confirm') === '1') {
    // The confirmation mail is not emulated; the account simply stays unconfirmed.
    customer.confirmation = randomBytes(16).toString('hex');
  } else {
    await state.mail.send('account_new', customer, customer.rpToken, now);
  }
  return customerData(customer);
}

/** DELETE /V1/customers/:customerId (its tokens are revoked: I/Plugin/Model/CustomerUser.php). */
export function deleteCustomer(call: ServiceCall): boolean {
  const customerId = call.input.customerId as number;
  customerById(call, customerId);
  call.state.accounts.delete(customerId);
  call.state.jwt.revokeFor('customer', customerId, call.now);
  return true;
}

/** GET /V1/customers/:customerId */
export function getCustomer(call: ServiceCall): Record<string, unknown> {
  return customerData(customerById(call, call.input.customerId as number));
}

/** GET /V1/customers/me */
export function getOwnCustomer(call: ServiceCall): Record<string, unknown> {
  return customerData(customerById(call, ownId(call)));
}

/**
 * PUT /V1/customers/me/password (changePasswordById). No lock check up front: on a locked
 * account the right current password still succeeds, and does not unlock (recorded live).
 */
export function changeOwnPassword(call: ServiceCall): boolean {
  const { state, now } = call;
  const customer = customerById(call, ownId(call));
  const currentPassword = call.input.currentPassword as string;
  const newPassword = call.input.newPassword as string;
  try {
    authenticate(customer, currentPassword, { ...state, now });
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    throw unauthorized("The password doesn't match this account. Verify the password and try again.");
  }
  assertDifferentFromEmail(customer.email, newPassword, state.faults);
  assertPasswordStrength(newPassword, state.config, state.faults);
  customer.rpToken = null;
  customer.rpTokenCreatedAt = null;
  setPassword(customer, newPassword, now);
  return true;
}
