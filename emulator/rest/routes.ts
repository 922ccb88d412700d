// The REST routes of the emulated slice (C/etc/webapi.xml, I/etc/webapi.xml) and Magento's route
// matching (W/Model/Rest/Config.php): an exact literal path wins, otherwise the last matching template.
import {
  changeOwnPassword,
  createAccount,
  deleteCustomer,
  getCustomer,
  getOwnCustomer,
} from '../services/customer-service.js';
import { searchProducts } from '../services/catalog-service.js';
import type { ServiceCall } from '../model/emulator-state.js';
import type { RecaptchaForm } from '../model/recaptcha.js';
import { initiatePasswordReset, resetPassword, validateResetPasswordLinkToken } from '../services/password-reset-service.js';
import type { ParamSpec } from '../services/service-input.js';
import { createAdminAccessToken, createCustomerAccessToken } from '../services/token-service.js';
import {
  activateGoogle,
  authenticateGoogle,
  configureGoogle,
  defaultProviderCode,
  forcedProviders,
  installedProviders,
  providersToActivate,
  tfatProvidersToActivate,
  tfatUserProviders,
  userProviders,
} from '../services/two-factor-service.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `anonymous`, `self` (the caller's own customer) or an admin ACL resource. */
export type RouteAcl = 'anonymous' | 'self' | `Magento_${string}`;

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly acl: RouteAcl;
  readonly params: readonly ParamSpec[];
  readonly handle: (call: ServiceCall) => unknown;
  /** The reCAPTCHA form whose web-API protection covers this route (ReCaptchaCustomer WebapiConfigProvider). */
  readonly recaptcha?: RecaptchaForm;
}

const str = (name: string): ParamSpec => ({ name, type: 'string' });
const int = (name: string): ParamSpec => ({ name, type: 'int' });

// Declaration order matters: among templates, the last match wins.
const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/V1/integration/admin/token', acl: 'anonymous', params: [str('username'), str('password')], handle: createAdminAccessToken },
  { method: 'POST', path: '/V1/integration/customer/token', acl: 'anonymous', params: [str('username'), str('password')], handle: createCustomerAccessToken, recaptcha: 'customer_login' },
  {
    method: 'POST',
    path: '/V1/customers',
    acl: 'anonymous',
    params: [{ name: 'customer', type: 'object' }, { name: 'password', type: 'string', optional: true }, { name: 'redirectUrl', type: 'string', optional: true }],
    handle: createAccount,
    recaptcha: 'customer_create',
  },
  { method: 'GET', path: '/V1/customers/me', acl: 'self', params: [], handle: getOwnCustomer },
  { method: 'PUT', path: '/V1/customers/me/password', acl: 'self', params: [str('currentPassword'), str('newPassword')], handle: changeOwnPassword, recaptcha: 'customer_edit' },
  {
    method: 'PUT',
    path: '/V1/customers/password',
    acl: 'anonymous',
    params: [str('email'), str('template'), { name: 'websiteId', type: 'int', optional: true }],
    handle: initiatePasswordReset,
    recaptcha: 'customer_forgot_password',
  },
  { method: 'POST', path: '/V1/customers/resetPassword', acl: 'anonymous', params: [str('email'), str('resetToken'), str('newPassword')], handle: resetPassword, recaptcha: 'customer_forgot_password' },
  {
    method: 'GET',
    path: '/V1/customers/:customerId/password/resetLinkToken/:resetPasswordLinkToken',
    acl: 'anonymous',
    params: [int('customerId'), str('resetPasswordLinkToken')],
    handle: validateResetPasswordLinkToken,
  },
  { method: 'GET', path: '/V1/customers/:customerId', acl: 'Magento_Customer::customer', params: [int('customerId')], handle: getCustomer },
  { method: 'DELETE', path: '/V1/customers/:customerId', acl: 'Magento_Customer::delete', params: [int('customerId')], handle: deleteCustomer },
  // Magento_Catalog (module-catalog/etc/webapi.xml): the store has no products (services/catalog-service.ts)
  { method: 'GET', path: '/V1/products', acl: 'Magento_Catalog::products', params: [{ name: 'searchCriteria', type: 'object' }], handle: searchProducts },
  // Magento_TwoFactorAuth (only routed while the module is enabled: see twoFactorRoute)
  { method: 'GET', path: '/V1/tfa/tfat-user-providers', acl: 'anonymous', params: [str('tfaToken')], handle: tfatUserProviders },
  { method: 'GET', path: '/V1/tfa/tfat-providers-to-activate', acl: 'anonymous', params: [str('tfaToken')], handle: tfatProvidersToActivate },
  { method: 'POST', path: '/V1/tfa/provider/google/configure', acl: 'anonymous', params: [str('tfaToken')], handle: configureGoogle },
  { method: 'POST', path: '/V1/tfa/provider/google/activate', acl: 'anonymous', params: [str('tfaToken'), str('otp')], handle: activateGoogle },
  {
    method: 'POST',
    path: '/V1/tfa/provider/google/authenticate',
    acl: 'anonymous',
    params: [str('username'), str('password'), str('otp')],
    handle: authenticateGoogle,
  },
  { method: 'GET', path: '/V1/tfa/installed-providers', acl: 'Magento_TwoFactorAuth::tfa', params: [], handle: installedProviders },
  { method: 'GET', path: '/V1/tfa/forced-providers', acl: 'Magento_TwoFactorAuth::tfa', params: [], handle: forcedProviders },
  { method: 'GET', path: '/V1/tfa/user-providers/:userId', acl: 'Magento_TwoFactorAuth::tfa', params: [int('userId')], handle: userProviders },
  { method: 'GET', path: '/V1/tfa/providers-to-activate/:userId', acl: 'Magento_TwoFactorAuth::tfa', params: [int('userId')], handle: providersToActivate },
  { method: 'GET', path: '/V1/tfa/default-provider-code/:userId', acl: 'Magento_TwoFactorAuth::tfa', params: [int('userId')], handle: defaultProviderCode },
];

/** Routes of Magento_TwoFactorAuth's webapi.xml: they exist only while the module is enabled. */
export const isTwoFactorRoute = (route: Route): boolean => route.path.startsWith('/V1/tfa/');

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
