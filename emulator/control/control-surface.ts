// `/__emulator/`: what a real store needs SQL or bin/magento for (docs/ARCHITECTURE.md).
// JSON in and out; 200 on success, 404 for an unknown customer, 400 for bad input.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../model/emulator-state.js';
import type { JwtUserType } from '../model/jwt.js';
import { readBody } from '../rest/request-body.js';
import { isConfigPath } from '../model/store-config.js';

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

function customerOf(state: EmulatorState, id: string) {
  const customer = state.accounts.get(Number(id));
  if (customer === undefined) throw new ControlError(404, `no customer with id ${id}`);
  return customer;
}

type Action = (state: EmulatorState, body: Body, params: readonly string[]) => unknown;

const ACTIONS: readonly { method: string; path: RegExp; action: Action }[] = [
  {
    method: 'GET',
    path: /^\/info$/,
    action: (state) => ({ emulator: 'magento-emulator', version: state.version, faults: state.faults.list() }),
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
      const { path, value } = body;
      if (typeof path !== 'string' || !isConfigPath(path)) throw new ControlError(400, `unknown config path ${String(path)}`);
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
        throw new ControlError(400, '"value" must be a string, a number or null');
      }
      state.config.set(path, value === null ? null : String(value));
      return { [path]: state.config.get(path) };
    },
  },
  { method: 'GET', path: /^\/config$/, action: (state) => state.config.snapshot() },
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
