// POST /V1/integration/customer/token and /admin/token, GraphQL generateCustomerToken and
// revokeCustomerToken (I/Model/CustomerTokenService.php, AdminTokenService.php,
// C/Model/AccountManagement/Authenticate.php): checks in Magento's order.
import { awaitsConfirmation } from '../model/accounts.js';
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

export function createCustomerAccessToken(call: ServiceCall): string {
  const { state, now } = call;
  const { username, password } = credentials(call);
  state.loginThrottle.assertNotThrottled(username, 'customer', now);
  const customer = state.accounts.findByEmail(username, Number(call.scope.websiteId));
  if (customer === undefined || isLocked(customer, now)) throw failure(call, username, 'customer');
  if (awaitsConfirmation(customer, state.config)) {
    // 2.4.8 lets EmailNotConfirmedException through; 2.4.7 masks it like any other failure.
    const notConfirmed = unauthorized("This account isn't confirmed. Verify and try again.");
    throw failure(call, username, 'customer', tokenNamesUnconfirmedAccount(state.release) ? notConfirmed : undefined);
  }
  if (!passwordMatches(customer, password, state.faults)) {
    recordAuthenticationFailure(customer, state.config, now);
    throw failure(call, username, 'customer');
  }
  // The customer_unlock observer runs on webapi_rest logins from 2.4.8 only (I/etc/webapi_rest/events.xml);
  // 2.4.7 leaves failures_num as it was (recorded db_after of x-throttle-expired-lock-right-password: 6 vs 0).
  if (tokenSuccessClearsFailures(state.release)) unlock(customer, now);
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
