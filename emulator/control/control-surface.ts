// `/__emulator/`: what a real store needs SQL or bin/magento for (docs/ARCHITECTURE.md).
// JSON in and out; 200 on success, 404 for an unknown customer, 400 for bad input.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../model/emulator-state.js';
import type { JwtUserType } from '../model/jwt.js';
import { readBody } from '../rest/request-body.js';
import { isConfigPath, type ConfigPath } from '../model/store-config.js';
import { base32Decode } from '../model/totp.js';
import { ADMIN_USER_ID } from '../model/admin-user.js';
import { setPassword } from '../model/credentials.js';
import type { LeaseMode } from '../model/store-lease.js';

class ControlError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

function parseBody(raw: string): Body {
  try {
    const value: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Body;
  } catch {
    // reported below
  }
  throw new ControlError(400, 'the body must be a JSON object');
}

function finiteNumber(body: Body, key: string): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ControlError(400, `"${key}" must be a number`);
  return value;
}

function positiveSeconds(body: Body): number {
  const seconds = finiteNumber(body, 'ttlSeconds');
  if (seconds <= 0) throw new ControlError(400, '"ttlSeconds" must be positive');
  return seconds;
}

function customerOf(state: EmulatorState, id: string) {
  const customer = state.accounts.get(Number(id));
  if (customer === undefined) throw new ControlError(404, `no customer with id ${id}`);
  return customer;
}

/** A config path the emulator models and its value (`null` = the stack default), or the 400. */
function configEntry(path: unknown, value: unknown): readonly [ConfigPath, string | null] {
  if (typeof path !== 'string' || !isConfigPath(path)) throw new ControlError(400, `unknown config path ${String(path)}`);
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
    throw new ControlError(400, `the value of ${path} must be a string, a number or null`);
  }
  return [path, value === null ? null : String(value)];
}

type Action = (state: EmulatorState, body: Body, params: readonly string[]) => unknown;

const ACTIONS: readonly { method: string; path: RegExp; action: Action }[] = [
  {
    method: 'GET',
    path: /^\/info$/,
    action: (state) => ({ emulator: 'magento-emulator', version: state.release.name, faults: state.faults.list() }),
  },
  {
    method: 'POST',
    path: /^\/customers\/(\d+)\/reset-token-age$/,
    action: (state, body, [id = '']) => {
      const customer = customerOf(state, id);
      customer.rpTokenCreatedAt = new Date(Date.now() - finiteNumber(body, 'seconds') * 1000);
      return { id: customer.id };
    },
  },
  {
    method: 'GET',
    path: /^\/customers\/(\d+)\/reset-token-age$/,
    action: (state, _body, [id = '']) => {
      const createdAt = customerOf(state, id).rpTokenCreatedAt;
      return { seconds: createdAt === null ? null : Math.floor((Date.now() - createdAt.getTime()) / 1000) };
    },
  },
  {
    method: 'POST',
    path: /^\/customers\/(\d+)\/lock$/,
    action: (state, body, [id = '']) => {
      const customer = customerOf(state, id);
      const failures = finiteNumber(body, 'failures');
      const expiresIn = body.lockExpiresInSeconds === null ? null : finiteNumber(body, 'lockExpiresInSeconds');
      const now = Date.now();
      customer.failuresNum = failures;
      customer.firstFailure = failures > 0 ? new Date(now) : null;
      customer.lockExpires = expiresIn === null ? null : new Date(now + expiresIn * 1000);
      return { id: customer.id };
    },
  },
  {
    method: 'POST',
    path: /^\/customers\/(\d+)\/password$/,
    action: (state, body, [id = '']) => {
      const customer = customerOf(state, id);
      if (typeof body.password !== 'string' || body.password === '') throw new ControlError(400, '"password" must be a non-empty string');
      setPassword(customer, body.password, new Date());
      return { id: customer.id };
    },
  },
  {
    // customer_entity's failures_num, first_failure and lock_expires, as the patch recordings' db_after read them
    method: 'GET',
    path: /^\/customers\/(\d+)\/lock$/,
    action: (state, _, [id = '']) => {
      const { failuresNum, firstFailure, lockExpires } = customerOf(state, id);
      return { failures: failuresNum, firstFailure: firstFailure?.toISOString() ?? null, lockExpires: lockExpires?.toISOString() ?? null };
    },
  },
  {
    method: 'POST',
    path: /^\/token-throttle\/expire$/,
    action: (state, body) => {
      const { username, userType } = body;
      if (typeof username !== 'string' || (userType !== 'customer' && userType !== 'admin')) {
        throw new ControlError(400, '"username" must be a string and "userType" "customer" or "admin"');
      }
      state.loginThrottle.expireLock(username, userType satisfies JwtUserType, new Date());
      return { username, userType };
    },
  },
  {
    method: 'DELETE',
    path: /^\/password-reset-requests$/,
    action: (state) => {
      const removed = state.resetRequests.size;
      state.resetRequests.clear();
      return { removed };
    },
  },
  {
    method: 'PUT',
    path: /^\/config$/,
    action: (state, body) => {
      const [path, value] = configEntry(body.path, body.value);
      state.config.set(path, value);
      return { [path]: state.config.get(path) };
    },
  },
  { method: 'GET', path: /^\/config$/, action: (state) => state.config.snapshot() },
  {
    // bin/magento encryption:key:change: a new crypt/key appended; which keys still verify JWTs is the release's
    method: 'POST',
    path: /^\/crypt-key$/,
    action: (state) => {
      state.jwt.rotateKey();
      return { rotated: true };
    },
  },
  {
    // the batch a real store writes in one statement: every path checked first, then all applied
    method: 'PATCH',
    path: /^\/config$/,
    action: (state, body) => {
      const values = Object.entries(body).map(([path, value]) => configEntry(path, value));
      for (const [path, value] of values) state.config.set(path, value);
      return Object.fromEntries(values.map(([path]) => [path, state.config.get(path)]));
    },
  },
  // hardened stores: bin/magento module:enable|disable, security:tfa:google:set-secret, security:tfa:reset
  {
    method: 'PUT',
    path: /^\/modules\/Magento_TwoFactorAuth$/,
    action: (state, body) => {
      if (typeof body.enabled !== 'boolean') throw new ControlError(400, '"enabled" must be true or false');
      state.twoFactor.enabled = body.enabled;
      return { Magento_TwoFactorAuth: state.twoFactor.enabled };
    },
  },
  {
    method: 'PUT',
    path: /^\/admin\/tfa\/google$/,
    action: (state, body) => {
      const { secret } = body;
      if (typeof secret !== 'string' || (base32Decode(secret)?.length ?? 0) === 0) throw new ControlError(400, '"secret" must be a base32 secret');
      state.twoFactor.setGoogleSecret(ADMIN_USER_ID, secret);
      return { google: 'active' };
    },
  },
  {
    method: 'DELETE',
    path: /^\/admin\/tfa\/google$/,
    action: (state) => {
      state.twoFactor.resetGoogle(ADMIN_USER_ID);
      return { google: 'reset' };
    },
  },
  // the lab's make-integration.php: an active integration with an access token
  {
    method: 'POST',
    path: /^\/integrations$/,
    action: (state, body) => {
      const { name, token, resources } = body;
      if (typeof name !== 'string' || typeof token !== 'string' || token === '') throw new ControlError(400, '"name" and "token" must be strings');
      if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
        throw new ControlError(400, '"resources" must be a list of ACL resources');
      }
      const integration = state.integrations.add(name, token, resources);
      return { id: integration.id, resources: [...integration.resources] };
    },
  },
  {
    // What the Docker path reads from the PHP session file: the CAPTCHA word of a storefront session.
    method: 'GET',
    path: /^\/sessions\/([0-9a-v]+)\/captcha\/([a-z_]+)$/,
    action: (state, _body, [sessionId = '', formId = '']) => {
      const word = state.sessions.get(sessionId)?.captchaWords.get(formId);
      if (word === undefined) throw new ControlError(404, `no CAPTCHA word for ${formId} in session ${sessionId}`);
      return { word };
    },
  },
  // the suite's reader-writer lease on the store (the Docker path's suite_store_lease table)
  {
    method: 'POST',
    path: /^\/store-lease\/([A-Za-z0-9._-]+)$/,
    action: (state, body, [runId = '']) => {
      const { mode } = body;
      if (mode !== 'shared' && mode !== 'exclusive') throw new ControlError(400, '"mode" must be "shared" or "exclusive"');
      return state.storeLease.acquire(runId, mode satisfies LeaseMode, positiveSeconds(body), new Date());
    },
  },
  {
    method: 'PATCH',
    path: /^\/store-lease\/([A-Za-z0-9._-]+)$/,
    action: (state, body, [runId = '']) => ({ held: state.storeLease.renew(runId, positiveSeconds(body), new Date()) }),
  },
  {
    method: 'DELETE',
    path: /^\/store-lease\/([A-Za-z0-9._-]+)$/,
    action: (state, _body, [runId = '']) => ({ released: state.storeLease.release(runId) }),
  },
  {
    method: 'PUT',
    path: /^\/faults$/,
    action: (state, body) => {
      const { faults } = body;
      if (!Array.isArray(faults) || !faults.every((name) => typeof name === 'string')) {
        throw new ControlError(400, '"faults" must be a list of fault names');
      }
      try {
        state.faults.replace(faults);
      } catch (error) {
        throw new ControlError(400, (error as Error).message);
      }
      return { faults: state.faults.list() };
    },
  },
];

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(data));
}

/** `path` is what follows `/__emulator`. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, state: EmulatorState, path: string): Promise<void> {
  const raw = await readBody(req);
  const entry = ACTIONS.find(({ method, path: pattern }) => method === req.method && pattern.test(path));
  if (entry === undefined) return send(res, 404, { error: `no control action ${req.method ?? ''} /__emulator${path}` });
  try {
    const params = entry.path.exec(path)?.slice(1) ?? [];
    send(res, 200, entry.action(state, parseBody(raw), params));
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    send(res, error.status, { error: error.message });
  }
}
