// AccountManagement's three reset operations, called by the REST routes and the GraphQL resolvers,
// with Magento's order of checks (C/Model/AccountManagement.php: initiatePasswordReset,
// resetPassword, validateResetPasswordLinkToken).
import type { CustomerRecord } from '../model/accounts.js';
import { setPassword } from '../model/credentials.js';
import { customerById } from './customer-service.js';
import type { Area, ServiceCall } from '../model/emulator-state.js';
import { unlock } from '../model/lockout.js';
import { badRequest, notFound, requiredFields } from '../model/magento-errors.js';
import { assertDifferentFromEmail, assertPasswordStrength } from '../model/password-policy.js';
import { graphqlResetRequestsThrottled, restResetRequestsThrottled, type Release } from '../model/release.js';
import { assertResetTokenValid, clearResetToken, rotateResetToken } from '../model/reset-tokens.js';
import { phpEmpty } from './php-types.js';

const TEMPLATES = ['email_reminder', 'email_reset'] as const;
type ResetTemplate = (typeof TEMPLATES)[number];
const isResetTemplate = (value: string): value is ResetTemplate => (TEMPLATES as readonly string[]).includes(value);

/** CustomerRegistry::retrieveByEmail's 404; `websiteId` is the int sent, or the store's as a string. */
function unknownEmail(email: string, websiteId: number | string): Error {
  return notFound('No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', {
    fieldName: 'email',
    fieldValue: email,
    field2Name: 'websiteId',
    field2Value: websiteId,
  });
}

function findCustomer(call: ServiceCall, email: string, websiteId: number | string): CustomerRecord {
  const customer = call.state.accounts.findByEmail(email, Number(websiteId));
  if (customer === undefined) throw unknownEmail(email, websiteId);
  return customer;
}

/**
 * Where the Security module's beforeInitiatePasswordReset plugin limits requests
 * (S/Model/Plugin/AccountManagement.php): the storefront on every line, REST from 2.4.8, GraphQL from 2.4.9.
 */
function throttlesArea(release: Release, area: Area): boolean {
  if (area === 'webapi_rest') return restResetRequestsThrottled(release);
  if (area === 'graphql') return graphqlResetRequestsThrottled(release);
  return true;
}

/** PUT /V1/customers/password, GraphQL requestPasswordResetEmail and the storefront's forgot form: true, or false when the mail could not be sent. */
export async function initiatePasswordReset(call: ServiceCall): Promise<boolean> {
  const { state, now } = call;
  const email = call.input.email as string;
  const template = call.input.template as string;
  // The plugin runs before the method body, so before the customer lookup.
  if (throttlesArea(state.release, call.area)) state.resetRequests.check(email, call.clientIp, now);
  const websiteId = (call.input.websiteId as number | null) ?? call.scope.websiteId;
  if (state.faults.isActive('unknown-email-returns-true') && !state.accounts.findByEmail(email, Number(websiteId))) {
    return true;
  }
  const customer = findCustomer(call, email, websiteId);
  const knownTemplate = isResetTemplate(template);
  if (!knownTemplate && state.faults.isActive('template-not-validated')) return true;
  // The new token is saved before the template is looked at.
  if (knownTemplate || !state.faults.isActive('token-not-rotated-before-template-check')) {
    rotateResetToken(customer, now, state.faults);
  }
  if (!knownTemplate) {
    throw badRequest(
      'Invalid value of "%value" provided for the %fieldName field. Possible values: %template1 or %template2.',
      { value: template, fieldName: 'template', template1: 'email_reminder', template2: 'email_reset' },
    );
  }
  return state.mail.send(template, customer, customer.rpToken ?? '', now);
}

/** POST /V1/customers/resetPassword, GraphQL resetPassword */
export function resetPassword(call: ServiceCall): boolean {
  const { state, now } = call;
  const email = call.input.email as string;
  const resetToken = call.input.resetToken as string;
  const newPassword = call.input.newPassword as string;
  if (phpEmpty(email)) throw requiredFields(['email']);
  const customer = findCustomer(call, email, call.scope.websiteId);
  if (phpEmpty(resetToken)) throw requiredFields(['resetPasswordLinkToken']);
  const tokenCheckSkipped = call.area === 'graphql' && state.faults.isActive('graphql-reset-skips-token-check');
  if (!tokenCheckSkipped) assertResetTokenValid(customer, resetToken, { ...state, now });
  assertDifferentFromEmail(email, newPassword, state.faults);
  assertPasswordStrength(newPassword, state.config, state.faults);
  clearResetToken(customer, state.faults);
  if (!state.faults.isActive('reset-does-not-change-password')) setPassword(customer, newPassword, now);
  if (!state.faults.isActive('reset-unlock-missing')) unlock(customer, now);
  customer.updatedAt = now;
  return true;
}

/** GET /V1/customers/:customerId/password/resetLinkToken/:resetPasswordLinkToken (neither uses nor extends it). */
export function validateResetPasswordLinkToken(call: ServiceCall): boolean {
  const customerId = call.input.customerId as number;
  const token = call.input.resetPasswordLinkToken as string;
  if (customerId <= 0) {
    throw badRequest('Invalid value of "%value" provided for the %fieldName field.', {
      value: customerId,
      fieldName: 'customerId',
    });
  }
  if (phpEmpty(token)) throw requiredFields(['resetPasswordLinkToken']);
  const customer = customerById(call, customerId);
  assertResetTokenValid(customer, token, { ...call.state, now: call.now });
  return true;
}
