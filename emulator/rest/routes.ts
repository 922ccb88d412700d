// The REST routes of the emulated slice (C/etc/webapi.xml, I/etc/webapi.xml) and Magento's route
// matching (W/Model/Rest/Config.php): an exact literal path wins, otherwise the last matching template.
import {
  changeOwnPassword,
  createAccount,
  deleteCustomer,
  getCustomer,
  getOwnCustomer,
} from '../services/customer-service.js';
import type { ServiceCall } from '../model/emulator-state.js';
import { initiatePasswordReset, resetPassword, validateResetPasswordLinkToken } from '../services/password-reset-service.js';
import type { ParamSpec } from '../services/service-input.js';
import { createAdminAccessToken, createCustomerAccessToken } from '../services/token-service.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `anonymous`, `self` (the caller's own customer) or an admin ACL resource. */
export type RouteAcl = 'anonymous' | 'self' | `Magento_${string}`;

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly acl: RouteAcl;
  readonly params: readonly ParamSpec[];
  readonly handle: (call: ServiceCall) => unknown;
}

const str = (name: string): ParamSpec => ({ name, type: 'string' });
const int = (name: string): ParamSpec => ({ name, type: 'int' });

// Declaration order matters: among templates, the last match wins.
const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/V1/integration/admin/token', acl: 'anonymous', params: [str('username'), str('password')], handle: createAdminAccessToken },
  { method: 'POST', path: '/V1/integration/customer/token', acl: 'anonymous', params: [str('username'), str('password')], handle: createCustomerAccessToken },
  {
    method: 'POST',
    path: '/V1/customers',
    acl: 'anonymous',
    params: [{ name: 'customer', type: 'object' }, { name: 'password', type: 'string', optional: true }, { name: 'redirectUrl', type: 'string', optional: true }],
    handle: createAccount,
  },
  { method: 'GET', path: '/V1/customers/me', acl: 'self', params: [], handle: getOwnCustomer },
  { method: 'PUT', path: '/V1/customers/me/password', acl: 'self', params: [str('currentPassword'), str('newPassword')], handle: changeOwnPassword },
  {
    method: 'PUT',
    path: '/V1/customers/password',
    acl: 'anonymous',
    params: [str('email'), str('template'), { name: 'websiteId', type: 'int', optional: true }],
    handle: initiatePasswordReset,
  },
  { method: 'POST', path: '/V1/customers/resetPassword', acl: 'anonymous', params: [str('email'), str('resetToken'), str('newPassword')], handle: resetPassword },
  {
    method: 'GET',
    path: '/V1/customers/:customerId/password/resetLinkToken/:resetPasswordLinkToken',
    acl: 'anonymous',
    params: [int('customerId'), str('resetPasswordLinkToken')],
    handle: validateResetPasswordLinkToken,
  },
  { method: 'GET', path: '/V1/customers/:customerId', acl: 'Magento_Customer::customer', params: [int('customerId')], handle: getCustomer },
  { method: 'DELETE', path: '/V1/customers/:customerId', acl: 'Magento_Customer::delete', params: [int('customerId')], handle: deleteCustomer },
];

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const wanted = template.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const actual = given[index] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) return undefined;
  }
  return params;
}

export function matchRoute(method: string, servicePath: string): RouteMatch | undefined {
  const candidates = ROUTES.filter((route) => route.method === method);
  const literal = candidates.find((route) => route.path === servicePath);
  if (literal) return { route: literal, pathParams: {} };
  let found: RouteMatch | undefined;
  for (const route of candidates) {
    const pathParams = matchTemplate(route.path, servicePath);
    if (pathParams) found = { route, pathParams };
  }
  return found;
}
