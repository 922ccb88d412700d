// The resolvers of the slice (CustomerGraphQl/Model/Resolver/*, in Magento's order of checks).
// Each checks what its GraphQL resolver checks itself, then calls the same account services the
// REST routes call, re-throwing their errors as GraphQL exceptions.
import { graphqlPasswordChangeMailed } from '../model/release.js';
import type { CustomerRecord } from '../model/accounts.js';
import { awaitsConfirmation } from '../model/accounts.js';
import { isValidEmail } from '../model/customer-validation.js';
import { STORES } from '../model/emulator-state.js';
import type { Caller, EmulatorState, ServiceCall } from '../model/emulator-state.js';
import { authenticate, isLocked } from '../model/lockout.js';
import { MagentoError } from '../model/magento-errors.js';
import { phpTrim } from '../model/password-policy.js';
import { changeOwnPassword, createAccount } from '../services/customer-service.js';
import { initiatePasswordReset, resetPassword } from '../services/password-reset-service.js';
import { phpEmpty } from '../services/php-types.js';
import type { InputValue } from '../services/service-input.js';
import { createCustomerAccessToken, revokeCustomerAccessToken } from '../services/token-service.js';
import type { GraphQlCategory } from './graphql-errors.js';
import { recaptchaGuarded } from './recaptcha-guard.js';
import { authenticationError, authorizationError, GraphQlException, inputError, rethrownAs } from './graphql-errors.js';

export interface GraphQlContext {
  readonly state: EmulatorState;
  readonly caller: Caller;
  readonly clientIp: string;
  readonly now: Date;
  /** The `X-ReCaptcha` header, if sent (the one REST reads too). */
  readonly recaptchaResponse: string | undefined;
}

type Args = Readonly<Record<string, string>>;

const NOT_AUTHORIZED = "The current customer isn't authorized.";

/** The service call a resolver makes: the graphql area, the default store. */
const serviceCall = (ctx: GraphQlContext, input: Record<string, InputValue>): ServiceCall => ({
  state: ctx.state,
  area: 'graphql',
  input,
  caller: ctx.caller,
  scope: STORES.default,
  clientIp: ctx.clientIp,
  now: ctx.now,
});

/** Runs a service; its Magento errors become `category` exceptions with their values filled in. */
async function viaService<T>(category: GraphQlCategory, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof MagentoError ? rethrownAs(category, error) : error;
  }
}

const lockedAllowed = (ctx: GraphQlContext): boolean => ctx.state.faults.isActive('graphql-locked-account-allowed');

function customerByEmail(ctx: GraphQlContext, email: string): CustomerRecord | undefined {
  return ctx.state.accounts.findByEmail(email, Number(STORES.default.websiteId));
}

/** The email checks both reset resolvers start with (`empty()`, then the EmailAddress validator). */
function assertEmailGiven(email: string): void {
  if (phpEmpty(email)) throw inputError('You must specify an email address.');
  if (!isValidEmail(email)) throw inputError('The email address has an invalid format.');
}

/** The reset resolvers' own lock check: no period, and an input error. */
function assertNotLockedForReset(ctx: GraphQlContext, customer: CustomerRecord): void {
  if (isLocked(customer, ctx.now) && !lockedAllowed(ctx)) throw inputError('The account is locked');
}

/** GetCustomer::execute: the signed-in customer, refused while locked or unconfirmed. */
function signedInCustomer(ctx: GraphQlContext): CustomerRecord {
  if (ctx.caller.kind !== 'customer') throw authorizationError(NOT_AUTHORIZED);
  const customer = ctx.state.accounts.get(ctx.caller.customerId);
  if (customer === undefined) {
    throw new GraphQlException('graphql-no-such-entity', `Customer with id "${ctx.caller.customerId}" does not exist.`);
  }
  if (isLocked(customer, ctx.now) && !lockedAllowed(ctx)) throw authenticationError('The account is locked.');
  if (awaitsConfirmation(customer, ctx.state.config)) throw authenticationError("This account isn't confirmed. Verify and try again.");
  return customer;
}

/** ExtractCustomerData, for the fields of the slice's `Customer`. */
function customerOutput(customer: CustomerRecord): Record<string, string | null> {
  const { middlename, prefix, suffix } = customer.optional;
  return {
    email: customer.email,
    firstname: customer.firstname,
    lastname: customer.lastname,
    middlename: middlename ?? null,
    prefix: prefix ?? null,
    suffix: suffix ?? null,
  };
}

async function requestPasswordResetEmail({ email = '' }: Args, ctx: GraphQlContext): Promise<boolean> {
  assertEmailGiven(email);
  const customer = customerByEmail(ctx, email);
  if (customer === undefined) {
    if (ctx.state.faults.isActive('graphql-unknown-email-returns-true')) return true;
    throw inputError("Cannot reset the customer's password");
  }
  assertNotLockedForReset(ctx, customer);
  try {
    return await initiatePasswordReset(serviceCall(ctx, { email, template: 'email_reset', websiteId: null }));
  } catch (error) {
    throw error instanceof MagentoError ? inputError("Cannot reset the customer's password") : error;
  }
}

function resetPasswordResolver({ email = '', resetPasswordToken = '', newPassword = '' }: Args, ctx: GraphQlContext): Promise<boolean> {
  assertEmailGiven(email);
  if (phpEmpty(resetPasswordToken)) throw inputError('resetPasswordToken must be specified');
  if (phpEmpty(newPassword)) throw inputError('newPassword must be specified');
  const customer = customerByEmail(ctx, email);
  if (customer === undefined) throw inputError("Cannot set the customer's password");
  assertNotLockedForReset(ctx, customer);
  return viaService('graphql-input', () => resetPassword(serviceCall(ctx, { email, resetToken: resetPasswordToken, newPassword })));
}

async function generateCustomerToken({ email = '', password = '' }: Args, ctx: GraphQlContext): Promise<{ token: string }> {
  if (phpEmpty(email)) throw inputError('Specify the "email" value.');
  if (phpEmpty(password)) throw inputError('Specify the "password" value.');
  // Magento re-throws the raw message here; the token service's messages have no placeholders.
  const token = await viaService('graphql-authentication', () => createCustomerAccessToken(serviceCall(ctx, { username: email, password })));
  return { token };
}

function customer(_: Args, ctx: GraphQlContext): Record<string, string | null> {
  return customerOutput(signedInCustomer(ctx));
}

function revokeCustomerToken(_: Args, ctx: GraphQlContext): { result: boolean } {
  if (ctx.caller.kind !== 'customer') throw authorizationError(NOT_AUTHORIZED);
  return { result: revokeCustomerAccessToken(serviceCall(ctx, {})) };
}

/**
 * ChangePassword: the current password is checked first (a failure counts toward the lockout),
 * then changePasswordById changes it, and only then GetCustomer refuses a locked account: the
 * password is changed even though the answer is `The account is locked.` (2.4.7 and 2.4.8 code).
 */
async function changeCustomerPassword({ currentPassword = '', newPassword = '' }: Args, ctx: GraphQlContext): Promise<Record<string, string | null>> {
  if (ctx.caller.kind !== 'customer') throw authorizationError(NOT_AUTHORIZED);
  if (phpTrim(currentPassword) === '') throw inputError('Specify the "currentPassword" value.');
  if (phpTrim(newPassword) === '') throw inputError('Specify the "newPassword" value.');
  const own = ctx.state.accounts.get(ctx.caller.customerId);
  if (own === undefined) throw authorizationError(NOT_AUTHORIZED);
  await viaService('graphql-authentication', () => authenticate(own, currentPassword, { ...ctx.state, now: ctx.now }));
  await viaService('graphql-input', () => changeOwnPassword(serviceCall(ctx, { currentPassword, newPassword })));
  const changed = signedInCustomer(ctx);
  if (graphqlPasswordChangeMailed(ctx.state.release)) await ctx.state.mail.send('password_changed', changed, '', ctx.now);
  return customerOutput(changed);
}

/** CreateCustomer / CreateCustomerV2's `input`: the account fields and the password. */
interface CustomerCreateArgs {
  readonly input?: Readonly<Record<string, string | null>>;
}

/**
 * CreateCustomer(V2) → CreateCustomerAccount: the same account service as POST /V1/customers, its
 * errors re-thrown as input errors, and the new customer as ExtractCustomerData gives it.
 */
async function createCustomer({ input }: CustomerCreateArgs, ctx: GraphQlContext): Promise<{ customer: Record<string, string | null> }> {
  if (input === undefined || Object.keys(input).length === 0) throw inputError('"input" value should be specified');
  const { password = null, ...fields } = input;
  await viaService('graphql-input', () => createAccount(serviceCall(ctx, { customer: fields, password })));
  const created = customerByEmail(ctx, fields.email ?? '');
  if (created === undefined) throw new Error('createAccount stored no customer');
  return { customer: customerOutput(created) };
}

/** graphql-js's root value: one function per Query and Mutation field. */
export const ROOT = {
  customer,
  storeConfig: () => ({ store_code: STORES.default.code }),
  requestPasswordResetEmail: recaptchaGuarded('customer_forgot_password', requestPasswordResetEmail),
  resetPassword: recaptchaGuarded('customer_forgot_password', resetPasswordResolver),
  generateCustomerToken: recaptchaGuarded('customer_login', generateCustomerToken),
  createCustomer: recaptchaGuarded('customer_create', createCustomer),
  createCustomerV2: recaptchaGuarded('customer_create', createCustomer),
  revokeCustomerToken,
  changeCustomerPassword,
};
