// The storefront front: one request through session, form key and action, then the answer with
// Magento's cookies: PHPSESSID on every page, private_content_version on POSTs, and the session's
// messages moved into `mage-messages` (merged with what the browser still holds) by every result.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../model/emulator-state.js';
import { newPrivateContentVersion } from '../model/sessions.js';
import { readBody } from '../rest/request-body.js';
import * as actions from './controllers.js';
import type { ActionContext, ActionResult } from './controllers.js';
import { deletedCookie, parseRequest, setCookie, writeStorefront } from './http.js';
import { decodeMessagesCookie, encodeMessagesCookie } from './messages.js';
import { notFoundPage } from './pages.js';

type Action = (ctx: ActionContext) => ActionResult | Promise<ActionResult>;

// Action paths are matched lower-cased, as Magento's router does (createPassword = createpassword).
const ACTIONS: Readonly<Record<string, { GET?: Action; POST?: Action }>> = {
  'cms/index/index': { GET: actions.home },
  'customer/account/index': { GET: actions.account },
  'customer/account/forgotpassword': { GET: actions.forgotPassword },
  'customer/account/forgotpasswordpost': { POST: actions.forgotPasswordPost },
  'customer/account/createpassword': { GET: actions.createPassword },
  'customer/account/resetpasswordpost': { POST: actions.resetPasswordPost },
  'customer/account/login': { GET: actions.login },
  'customer/account/loginpost': { POST: actions.loginPost },
  'customer/account/logout': { GET: actions.logout },
};

/** The paths this front answers; everything else stays with the REST front. */
export const isStorefrontPath = (path: string): boolean => path === '/' || /^\/customer\/account(\/|$)/i.test(path);

const SESSION_LIFETIME = 3600; // web/cookie/cookie_lifetime
const YEAR = 31536000;
const TEN_YEARS = 315360000;
const SIGNED_IN_VARY = createHash('sha256').update('{"customer_group":"1","customer_logged_in":true}').digest('hex');

export async function handleStorefront(req: IncomingMessage, res: ServerResponse, state: EmulatorState, baseUrl: string): Promise<void> {
  const request = parseRequest(req, await readBody(req));
  const now = new Date();
  const session = state.sessions.open(request.cookies.get('PHPSESSID'));
  const ctx: ActionContext = { state, request, session, baseUrl, now };
  const action = ACTIONS[request.action]?.[request.method === 'POST' ? 'POST' : 'GET'];
  const result: ActionResult =
    action === undefined
      ? { kind: 'page', status: 404, html: notFoundPage(actions.frameOf(ctx)) }
      : (actions.invalidFormKey(ctx) ?? (await action(ctx)));

  const domain = request.host;
  const cookies: string[] = [];
  if (request.method === 'POST') {
    cookies.push(setCookie('private_content_version', newPrivateContentVersion(), { maxAge: TEN_YEARS, now, sameSite: 'Lax' }));
  }
  cookies.push(setCookie('PHPSESSID', session.id, { maxAge: SESSION_LIFETIME, now, domain, httpOnly: true, sameSite: 'Lax' }));
  const keepMessages = result.kind === 'error' || (result.kind === 'redirect' && result.messagesStayInSession === true);
  if (!keepMessages && session.messages.length > 0) {
    const messages = [...decodeMessagesCookie(request.cookies.get('mage-messages')), ...session.messages];
    session.messages = [];
    cookies.push(setCookie('mage-messages', encodeMessagesCookie(messages), { maxAge: YEAR, now, sameSite: 'Strict' }));
  }
  if (result.kind === 'redirect' && result.signedIn) {
    // Recorded: the persistent cart cookie is deleted twice.
    const cart = deletedCookie('persistent_shopping_cart', { httpOnly: true });
    cookies.push(cart, deletedCookie('form_key', { domain }), cart);
  }
  // The HTTP context of a signed-in customer (customer group 1, logged in), on every page.
  if (session.customerId !== null) {
    cookies.push(setCookie('X-Magento-Vary', SIGNED_IN_VARY, { maxAge: SESSION_LIFETIME, now, httpOnly: true, sameSite: 'Lax' }));
  }
  if (result.kind === 'redirect') writeStorefront(res, { status: 302, location: result.location, cookies, html: '' });
  else writeStorefront(res, { status: result.kind === 'error' ? 500 : result.status, cookies, html: result.html });
}
