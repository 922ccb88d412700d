// POST /V1/integration/customer/token and /admin/token (I/Model/CustomerTokenService.php,
// AdminTokenService.php, C/Model/AccountManagement/Authenticate.php): checks in Magento's order.
import type { CustomerRecord } from '../model/accounts.js';
import { passwordMatches } from '../model/credentials.js';
import type { ServiceCall } from '../model/emulator-state.js';
import { isLocked, recordAuthenticationFailure, unlock } from '../model/lockout.js';
import type { JwtUserType } from '../model/jwt.js';
import { SIGN_IN_FAILED } from '../model/login-throttle.js';
import { type MagentoError, requiredFields, unauthorized } from '../model/magento-errors.js';

const ADMIN_USER_ID = 1;

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
 * the customer, or why not. A wrong password counts towards the lockout; success unlocks
 * (the customer_login observer).
 */
export function authenticate(call: ServiceCall, username: string, password: string): CustomerRecord | AuthenticationFailure {
  const { state, now } = call;
  const customer = state.accounts.findByEmail(username, Number(call.scope.websiteId));
  if (customer === undefined || isLocked(customer, now)) return 'invalid';
  if (customer.confirmation !== null && state.config.get('customer/create_account/confirm') === '1') return 'not-confirmed';
  if (!passwordMatches(customer, password, state.faults)) {
    recordAuthenticationFailure(customer, state.config, now);
    return 'invalid';
  }
  unlock(customer, now);
  return customer;
}

export function createCustomerAccessToken(call: ServiceCall): string {
  const { state, now } = call;
  const { username, password } = credentials(call);
  state.loginThrottle.assertNotThrottled(username, 'customer', now);
  const customer = authenticate(call, username, password);
  if (customer === 'not-confirmed') {
    // 2.4.8 lets EmailNotConfirmedException through; 2.4.7 masks it like any other failure.
    const notConfirmed = unauthorized("This account isn't confirmed. Verify and try again.");
    throw failure(call, username, 'customer', state.version === '2.4.8' ? notConfirmed : undefined);
  }
  if (customer === 'invalid') throw failure(call, username, 'customer');
  state.loginThrottle.reset(username, 'customer');
  return state.jwt.issue('customer', customer.id, now, state.config.int('webapi/jwtauth/customer_expiration'));
}

export function createAdminAccessToken(call: ServiceCall): string {
  const { state, now } = call;
  const { username, password } = credentials(call);
  state.loginThrottle.assertNotThrottled(username, 'admin', now);
  // admin_user.username is compared by a case-insensitive collation; the password exactly.
  const valid = username.toLowerCase() === state.admin.username.toLowerCase() && password === state.admin.password;
  if (!valid) throw failure(call, username, 'admin');
  state.loginThrottle.reset(username, 'admin');
  return state.jwt.issue('admin', ADMIN_USER_ID, now, state.config.int('webapi/jwtauth/admin_expiration'));
}
