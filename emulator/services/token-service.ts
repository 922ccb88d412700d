// POST /V1/integration/customer/token and /admin/token, GraphQL generateCustomerToken and
// revokeCustomerToken (I/Model/CustomerTokenService.php, AdminTokenService.php,
// C/Model/AccountManagement/Authenticate.php): checks in Magento's order.
import { awaitsConfirmation, type CustomerRecord } from '../model/accounts.js';
import { ADMIN_MAILBOX, ADMIN_USER_ID } from '../model/admin-user.js';
import { passwordMatches } from '../model/credentials.js';
import { ownId } from './customer-service.js';
import type { ServiceCall } from '../model/emulator-state.js';
import { isLocked, recordAuthenticationFailure, unlock } from '../model/lockout.js';
import type { JwtUserType } from '../model/jwt.js';
import { SIGN_IN_FAILED } from '../model/login-throttle.js';
import { type MagentoError, requiredFields, unauthorized } from '../model/magento-errors.js';
import { tokenNamesUnconfirmedAccount, tokenSuccessClearsFailures } from '../model/release.js';


function credentials(call: ServiceCall): { username: string; password: string } {
  const username = call.input.username as string;
  const password = call.input.password as string;
  // Integration's CredentialsValidator: empty strings pass the input processor but not the service.
  const empty = [username === '' ? 'username' : '', password === '' ? 'password' : ''].filter(Boolean);
  if (empty.length > 0) throw requiredFields(empty);
  return { username, password };
}

function failure(call: ServiceCall, username: string, type: JwtUserType, error = unauthorized(SIGN_IN_FAILED)): MagentoError {
  call.state.loginThrottle.recordFailure(username, type, call.now);
  return error;
}

/** Why AccountManagement::authenticate refused a sign-in. */
export type AuthenticationFailure = 'invalid' | 'not-confirmed';

/**
 * AccountManagement::authenticate, shared by the REST token service and the storefront's loginPost:
 * the customer, or why not. A wrong password counts towards the lockout; success unlocks where the
 * area's customer_login/customer_unlock observer runs: the storefront always, webapi_rest logins from
 * 2.4.8 only (I/etc/webapi_rest/events.xml; recorded db_after of x-throttle-expired-lock-right-password: 6 vs 0 on 2.4.7).
 */
export function authenticate(
  call: ServiceCall,
  username: string,
  password: string,
  unlocksOnSuccess: boolean,
): CustomerRecord | AuthenticationFailure {
  const { state, now } = call;
  const customer = state.accounts.findByEmail(username, Number(call.scope.websiteId));
  if (customer === undefined || isLocked(customer, now)) return 'invalid';
  if (awaitsConfirmation(customer, state.config)) return 'not-confirmed';
  if (!passwordMatches(customer, password, state.faults)) {
    recordAuthenticationFailure(customer, state.config, now);
    return 'invalid';
  }
  if (unlocksOnSuccess) unlock(customer, now);
  return customer;
}

export function createCustomerAccessToken(call: ServiceCall): string {
  const { state, now } = call;
  const { username, password } = credentials(call);
  state.loginThrottle.assertNotThrottled(username, 'customer', now);
  const customer = authenticate(call, username, password, tokenSuccessClearsFailures(state.release));
  if (customer === 'not-confirmed') {
    // 2.4.8 lets EmailNotConfirmedException through; 2.4.7 masks it like any other failure.
    const notConfirmed = unauthorized("This account isn't confirmed. Verify and try again.");
    throw failure(call, username, 'customer', tokenNamesUnconfirmedAccount(state.release) ? notConfirmed : undefined);
  }
  if (customer === 'invalid') throw failure(call, username, 'customer');
  state.loginThrottle.reset(username, 'customer');
  return state.jwt.issue('customer', customer.id, now, state.config.int('webapi/jwtauth/customer_expiration'));
}

/** The admin user's id after its credentials pass (throttle first, then name and password). */
export function authenticateAdmin(call: ServiceCall): number {
  const { state, now } = call;
  const { username, password } = credentials(call);
  state.loginThrottle.assertNotThrottled(username, 'admin', now);
  // admin_user.username is compared by a case-insensitive collation; the password exactly.
  const valid = username.toLowerCase() === state.admin.username.toLowerCase() && password === state.admin.password;
  if (!valid) throw failure(call, username, 'admin');
  state.loginThrottle.reset(username, 'admin');
  return ADMIN_USER_ID;
}

export function issueAdminToken(call: ServiceCall, userId: number): string {
  return call.state.jwt.issue('admin', userId, call.now, call.state.config.int('webapi/jwtauth/admin_expiration'));
}

/** With Magento_TwoFactorAuth enabled the route never issues a token: its refusal comes after the password check. */
export async function createAdminAccessToken(call: ServiceCall): Promise<string> {
  const userId = authenticateAdmin(call);
  const { twoFactor, mail } = call.state;
  if (!twoFactor.enabled) return issueAdminToken(call, userId);
  const refusal = twoFactor.adminTokenRefusal(userId, call.now);
  if (refusal.mailTfat !== undefined) await mail.sendTfaConfiguration(ADMIN_MAILBOX, refusal.mailTfat, call.now);
  throw refusal.error;
}

/** revokeCustomerAccessToken: every token the caller was issued until now stops working. */
export function revokeCustomerAccessToken(call: ServiceCall): boolean {
  call.state.jwt.revokeFor('customer', ownId(call), call.now);
  return true;
}
