// One REST request through Magento's stages, in its order: renderer (Accept), store and route,
// ACL (401), reCAPTCHA (400), body decoding and input conversion (400), then the service.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseRenderer } from './content-negotiation.js';
import { STORES } from '../model/emulator-state.js';
import type { Caller, EmulatorState, StoreScope } from '../model/emulator-state.js';
import { errorBody, effectiveError } from './error-bodies.js';
import { errorPage } from './error-page.js';
import { internalError, MagentoError, notAuthorizedFor, routeNotFound } from '../model/magento-errors.js';
import { decodeJsonBody, readBody } from './request-body.js';
import { bearerOf, callerOf } from '../model/user-context.js';
import { writeHtmlErrorPage, writeRestAnswer } from './rest-response.js';
import { dropsRespelledKeys } from '../model/release.js';
import { isTwoFactorRoute, matchRoute } from './routes.js';
import type { Route } from './routes.js';
import { dropRespelledKeys, resolveServiceInput } from '../services/service-input.js';
import type { JsonObject } from '../services/service-input.js';
import { recaptchaRefusal } from '../model/recaptcha.js';
import { firstHeader } from './request-headers.js';
import { parseQueryString } from './query-string.js';

/** `/rest/V1/…` or `/rest/<store>/V1/…` → the store and the service path `/V1/…`. */
function splitRestPath(pathname: string): { scope: StoreScope; servicePath: string } | undefined {
  const match = /^\/rest(?:\/([^/]+))?(\/V1\/.*)$/.exec(pathname);
  if (!match) return undefined;
  const byCode: Readonly<Record<string, StoreScope | undefined>> = STORES;
  const scope = match[1] === undefined ? STORES.default : byCode[match[1]];
  return scope && match[2] ? { scope, servicePath: match[2] } : undefined;
}

function assertAllowed(route: Route, caller: Caller): void {
  if (route.acl === 'anonymous') return;
  if (route.acl === 'self') {
    if (caller.kind !== 'customer') throw notAuthorizedFor(route.acl);
    return;
  }
  const granted = caller.kind === 'admin' || (caller.kind === 'integration' && caller.integration.resources.has(route.acl));
  if (!granted) throw notAuthorizedFor(route.acl);
}

/** ReCaptchaWebapiRest's plugin on the request validator: after the ACL, before the body is read. */
function assertRecaptcha(route: Route, caller: Caller, req: IncomingMessage, state: EmulatorState): void {
  if (route.recaptcha === undefined) return;
  const response = firstHeader(req.headers['x-recaptcha']);
  const refusal = recaptchaRefusal(state.config, route.recaptcha, { isIntegration: caller.kind === 'integration', response });
  if (refusal !== undefined) throw refusal;
}

/** Request::getRequestData: POST and PUT take the body, other methods the query string (as PHP parses it). */
function requestData(method: string, rawBody: string, url: URL): JsonObject {
  return method === 'POST' || method === 'PUT' ? decodeJsonBody(rawBody) : parseQueryString(url.searchParams);
}

export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  storeBaseUrl: string,
): Promise<void> {
  const renderer = chooseRenderer(req.headers.accept);
  if (renderer === undefined) return writeHtmlErrorPage(res, errorPage(storeBaseUrl));
  const now = new Date();
  let sessionStarted = false;
  try {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const target = splitRestPath(url.pathname);
    const match = target && matchRoute(req.method ?? 'GET', target.servicePath);
    if (!target || !match || (isTwoFactorRoute(match.route) && !state.twoFactor.enabled)) throw routeNotFound();
    const { route, pathParams } = match;
    const caller = callerOf(bearerOf(req.headers.authorization), state, now);
    sessionStarted = route.acl !== 'anonymous';
    assertAllowed(route, caller);
    assertRecaptcha(route, caller, req, state);
    const body = requestData(req.method ?? 'GET', rawBody, url);
    const deduplicated = dropsRespelledKeys(state.release, req.method ?? '') ? dropRespelledKeys(body) : body;
    const input = resolveServiceInput(route.params, { ...deduplicated, ...pathParams });
    sessionStarted = true;
    const clientIp = req.socket.remoteAddress ?? '127.0.0.1';
    const data = await route.handle({ state, area: 'webapi_rest', input, caller, scope: target.scope, clientIp, now });
    writeRestAnswer(res, renderer, { status: 200, data, sessionStarted });
  } catch (thrown) {
    const error = thrown instanceof MagentoError ? thrown : unexpected(thrown);
    const sent = effectiveError(error, state.faults);
    writeRestAnswer(res, renderer, { status: sent.status, data: errorBody(sent, state.faults), sessionStarted });
  }
}

// Anything that is not a Magento exception is masked, as outside developer mode.
function unexpected(thrown: unknown): MagentoError {
  const masked = internalError();
  console.error(`emulator: ${masked.message}`, thrown);
  return masked;
}
