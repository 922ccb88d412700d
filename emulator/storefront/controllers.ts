// The storefront's customer/account actions of the reset slice (Magento_Customer Controller/Account/*),
// each over the same services the REST front calls. What only the storefront does (the non-enumerating
// answer, the session token, the misleading "expired" landing) lives here, beside the fact it copies.
import type { CustomerRecord } from '../model/accounts.js';
import type { EmulatorState, ServiceCall } from '../model/emulator-state.js';
import { isValidEmail } from '../model/customer-validation.js';
import { SIGN_IN_FAILED } from '../model/login-throttle.js';
import { MagentoError, renderPhrase } from '../model/magento-errors.js';
import { extendResetToken } from '../model/reset-tokens.js';
import type { StorefrontSession } from '../model/sessions.js';
import { initiatePasswordReset, resetPassword, validateResetPasswordLinkToken } from '../services/password-reset-service.js';
import { phpEmpty } from '../services/php-types.js';
import { authenticate } from '../services/token-service.js';
import { captchaRequired, captchaView, FORGOT_FORM } from './captcha.js';
import type { StorefrontRequest } from './http.js';
import { messageOf } from './messages.js';
import { errorPage } from '../rest/error-page.js';
import { accountPage, createPasswordPage, forgotPasswordPage, homePage, loginPage, refererParam } from './pages.js';
import { RECAPTCHA_TECHNICAL_FAILURE, recaptchaWidget, storefrontRecaptchaVerdict } from './recaptcha.js';
import type { PageFrame } from './pages.js';

export interface ActionContext {
  state: EmulatorState;
  request: StorefrontRequest;
  session: StorefrontSession;
  baseUrl: string;
  now: Date;
}

export type ActionResult =
  | { kind: 'page'; status: 200 | 404; html: string }
  /** An uncaught exception: Magento's error page; the postdispatch never runs, so messages stay in the session. */
  | { kind: 'error'; html: string }
  | {
      kind: 'redirect';
      location: string;
      /** The CAPTCHA observer's no-dispatch: the message stays in the session for the next page. */
      messagesStayInSession?: boolean;
      /** Cookies of a sign-in (the session id is regenerated, the form_key cookie dropped). */
      signedIn?: boolean;
    };

const EXPIRED_LINK = 'Your password reset link has expired.';
// The default store of a default install.
const STORE_SCOPE = { code: 'default', websiteId: '1' } as const;

type Redirect = Extract<ActionResult, { kind: 'redirect' }>;

const page = (html: string): ActionResult => ({ kind: 'page', status: 200, html });
const redirect = (ctx: ActionContext, path: string): Redirect => ({ kind: 'redirect', location: `${ctx.baseUrl}${path}` });
const addError = (ctx: ActionContext, text: string): void => void ctx.session.messages.push(messageOf('error', text));

function serviceCall(ctx: ActionContext, input: ServiceCall['input']): ServiceCall {
  return { state: ctx.state, input, caller: { kind: 'guest' }, scope: STORE_SCOPE, clientIp: ctx.request.clientIp, now: ctx.now, area: 'frontend' };
}

export function frameOf(ctx: Pick<ActionContext, 'state' | 'session' | 'baseUrl'>): PageFrame {
  const customer = ctx.session.customerId === null ? undefined : ctx.state.accounts.get(ctx.session.customerId);
  return { baseUrl: ctx.baseUrl, formKey: ctx.session.formKey, customerName: customer ? `${customer.firstname} ${customer.lastname}` : null };
}

/** The form-key check of every storefront POST (CsrfValidator): first, before anything else. */
export function invalidFormKey(ctx: ActionContext): ActionResult | undefined {
  if (ctx.request.method !== 'POST' || ctx.request.post.get('form_key') === ctx.session.formKey) return undefined;
  addError(ctx, 'Invalid Form Key. Please refresh the page.');
  // setRefererOrBaseUrl: the referer when it is one of the store's pages.
  const referer = ctx.request.referer;
  return { kind: 'redirect', location: referer?.startsWith(ctx.baseUrl) ? referer : ctx.baseUrl };
}

export function forgotPassword(ctx: ActionContext): ActionResult {
  const email = ctx.session.forgottenEmail ?? '';
  ctx.session.forgottenEmail = null;
  const captcha = captchaRequired(ctx.state.config) ? captchaView(ctx.state.sessions, ctx.session) : null;
  return page(forgotPasswordPage(frameOf(ctx), email, captcha, recaptchaWidget(ctx.state.config, 'customer_forgot_password')));
}

/**
 * ReCaptchaCustomer's predispatch observer of a protected form post (after Magento_Captcha's, which does not stop
 * it: both messages are recorded, in this order). No response: no-dispatch, back to `back` with the
 * technical-failure message; a response the store cannot verify: the error page.
 */
function recaptchaRefusal(ctx: ActionContext, form: 'customer_forgot_password' | 'customer_login', back: string): ActionResult | undefined {
  const verdict = storefrontRecaptchaVerdict(ctx.state.config, form, ctx.request);
  if (verdict === 'pass' || (verdict === 'no-response' && ctx.state.faults.isActive('storefront-recaptcha-not-enforced'))) return undefined;
  if (verdict === 'unverifiable') return { kind: 'error', html: errorPage(ctx.baseUrl) };
  addError(ctx, RECAPTCHA_TECHNICAL_FAILURE);
  return { ...redirect(ctx, back), messagesStayInSession: true };
}

export async function forgotPasswordPost(ctx: ActionContext): Promise<ActionResult> {
  const { state, session, request } = ctx;
  // Captcha's CheckForgotpasswordObserver (predispatch): no-dispatch, so the message shows one page late.
  let captchaRefusal: ActionResult | undefined;
  if (captchaRequired(state.config)) {
    const answer = request.post.get(`captcha[${FORGOT_FORM}]`) ?? '';
    if (!state.sessions.checkCaptcha(session, FORGOT_FORM, answer, state.config.get('customer/captcha/case_sensitive') === '1')) {
      addError(ctx, 'Incorrect CAPTCHA');
      captchaRefusal = { ...redirect(ctx, 'customer/account/forgotpassword/'), messagesStayInSession: true };
    }
  }
  const refusal = recaptchaRefusal(ctx, 'customer_forgot_password', 'customer/account/forgotpassword/') ?? captchaRefusal;
  if (refusal !== undefined) return refusal;
  const email = request.post.get('email') ?? '';
  // `if ($email)`: PHP truthiness, so "0" counts as empty.
  if (phpEmpty(email)) {
    addError(ctx, 'Please enter your email.');
    return redirect(ctx, 'customer/account/forgotpassword/');
  }
  if (!isValidEmail(email)) {
    session.forgottenEmail = email;
    addError(ctx, 'The email address is incorrect. Verify the email address and try again.');
    return redirect(ctx, 'customer/account/forgotpassword/');
  }
  try {
    await initiatePasswordReset(serviceCall(ctx, { email, template: 'email_reset', websiteId: null }));
  } catch (error) {
    if (!(error instanceof MagentoError)) throw error;
    // NoSuchEntityException is swallowed: the answer must not tell unknown emails apart.
    if (error.status !== 404 || state.faults.isActive('storefront-forgot-tells-unknown-email')) {
      addError(ctx, error.status === 404 ? "We're unable to send the password reset email." : renderPhrase(error.phrase));
      return redirect(ctx, 'customer/account/forgotpassword/');
    }
  }
  if (!state.faults.isActive('storefront-success-message-missing')) {
    session.messages.push(
      messageOf('success', `If there is an account associated with ${email} you will receive an email with a link to reset your password.`),
    );
  }
  // Recorded: the success path answers with a new PHPSESSID.
  state.sessions.regenerate(session);
  return redirect(ctx, 'customer/account/');
}

/** validateResetPasswordLinkToken, which the storefront follows by extending the token. */
function validLinkCustomer(ctx: ActionContext, customerId: number, token: string): CustomerRecord | undefined {
  const customer = ctx.state.accounts.get(customerId);
  // The fault: a link whose token was cleared by a successful reset still opens the form.
  if (customer && customer.rpToken === null && ctx.state.faults.isActive('storefront-reused-link-opens-form')) return customer;
  try {
    validateResetPasswordLinkToken(serviceCall(ctx, { customerId, resetPasswordLinkToken: token }));
  } catch (error) {
    if (error instanceof MagentoError) return undefined;
    throw error;
  }
  return customer;
}

/**
 * CreatePassword: a link with a token moves token and id into the session and redirects to the
 * token-less page; without one, the session's are used. Every successful view re-saves
 * rp_token_created_at ("extend token validity"); any failure is "Your password reset link has expired.".
 */
export function createPassword(ctx: ActionContext): ActionResult {
  const { session, request } = ctx;
  const linkToken = request.params.get('token') ?? '';
  const isDirectLink = linkToken !== '';
  // (int) cast of the id parameter: "abc" and a missing id are 0.
  const customerId = isDirectLink ? Number.parseInt(request.params.get('id') ?? '0', 10) || 0 : (session.rpCustomerId ?? 0);
  const token = isDirectLink ? linkToken : (session.rpToken ?? '');
  const customer = validLinkCustomer(ctx, customerId, token);
  if (customer === undefined) {
    addError(ctx, EXPIRED_LINK);
    return redirect(ctx, 'customer/account/forgotpassword/');
  }
  extendResetToken(customer, ctx.now);
  if (isDirectLink) {
    session.rpToken = token;
    session.rpCustomerId = customerId;
    return redirect(ctx, 'customer/account/createpassword/');
  }
  const { config } = ctx.state;
  return page(
    createPasswordPage(frameOf(ctx), {
      customerId,
      token,
      minLength: config.get('customer/password/minimum_password_length'),
      minClasses: config.get('customer/password/required_character_classes_number'),
    }),
  );
}

/**
 * ResetPasswordPost: the confirmation and emptiness checks, then resetPassword. Every failure
 * redirects to createPassword/token/<T>/ without the id, which then lands on "expired" (recorded).
 */
export function resetPasswordPost(ctx: ActionContext): ActionResult {
  const { state, session, request } = ctx;
  const token = request.query.get('token') ?? '';
  const password = request.post.get('password') ?? '';
  const confirmation = request.post.get('password_confirmation') ?? '';
  const failed = (): ActionResult => redirect(ctx, `customer/account/createPassword/token/${encodeURIComponent(token)}/`);
  if (password !== confirmation && !state.faults.isActive('storefront-mismatched-confirmation-accepted')) {
    addError(ctx, "New Password and Confirm New Password values didn't match.");
    return failed();
  }
  if (password === '') {
    addError(ctx, 'Please enter a new password.');
    return failed();
  }
  const customer = state.accounts.get(Number.parseInt(request.query.get('id') ?? '0', 10) || 0);
  if (customer === undefined) {
    // Not recorded: customerRepository->getById throws, and the controller's catch-all answers this.
    addError(ctx, 'Something went wrong while saving the new password.');
    return failed();
  }
  try {
    resetPassword(serviceCall(ctx, { email: customer.email, resetToken: token, newPassword: password }));
  } catch (error) {
    if (!(error instanceof MagentoError)) throw error;
    // InputException: its message, then each listed error.
    for (const phrase of [error.phrase, ...error.errors]) addError(ctx, renderPhrase(phrase));
    return failed();
  }
  // A signed-in shopper is signed out; the session keeps its id (recorded: not regenerated).
  session.customerId = null;
  session.rpToken = null;
  session.rpCustomerId = null;
  session.messages.push(messageOf('success', 'You updated your password.'));
  return redirect(ctx, 'customer/account/login/');
}

export function login(ctx: ActionContext): ActionResult {
  if (ctx.session.customerId !== null) return redirect(ctx, 'customer/account/');
  const username = ctx.session.loginUsername ?? '';
  ctx.session.loginUsername = null;
  return page(loginPage(frameOf(ctx), { referer: ctx.request.params.get('referer'), username, recaptcha: recaptchaWidget(ctx.state.config, 'customer_login') }));
}

export function loginPost(ctx: ActionContext): ActionResult {
  const { session, request } = ctx;
  // Not recorded for the sign-in post: the same observer and request handler as the forgot form's, back to the
  // login page.
  const refusal = recaptchaRefusal(ctx, 'customer_login', 'customer/account/login/');
  if (refusal !== undefined) return refusal;
  const username = request.post.get('login[username]') ?? '';
  const password = request.post.get('login[password]') ?? '';
  if (username === '' || password === '') {
    addError(ctx, 'A login and a password are required.');
    return redirect(ctx, 'customer/account/login/');
  }
  const customer = authenticate(serviceCall(ctx, {}), username, password, true);
  if (customer === 'not-confirmed' || customer === 'invalid') {
    addError(ctx, customer === 'invalid' ? SIGN_IN_FAILED : 'This account is not confirmed. Click here to resend confirmation email.');
    session.loginUsername = username;
    return redirect(ctx, 'customer/account/login/');
  }
  session.customerId = customer.id;
  ctx.state.sessions.regenerate(session);
  return { ...redirect(ctx, 'customer/account/'), signedIn: true };
}

export function account(ctx: ActionContext): ActionResult {
  const customer = ctx.session.customerId === null ? undefined : ctx.state.accounts.get(ctx.session.customerId);
  if (customer === undefined) {
    return redirect(ctx, `customer/account/login/referer/${refererParam(`${ctx.baseUrl}customer/account/index/`)}/`);
  }
  return page(accountPage(frameOf(ctx), { name: `${customer.firstname} ${customer.lastname}`, email: customer.email }));
}

export function logout(ctx: ActionContext): ActionResult {
  ctx.session.customerId = null;
  return redirect(ctx, '');
}

export const home = (ctx: ActionContext): ActionResult => page(homePage(frameOf(ctx)));
