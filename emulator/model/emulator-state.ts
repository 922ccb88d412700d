// Everything one emulated store holds: its "database", configuration and collaborators.
import type { Accounts } from './accounts.js';
import type { FaultSwitches } from './faults.js';
import type { JwtIssuer } from './jwt.js';
import type { LoginThrottle } from './login-throttle.js';
import type { MailDispatch } from '../mail/mail-dispatch.js';
import type { ResetRequestLimiter } from './request-throttle.js';
import type { InputValue } from '../services/service-input.js';
import type { Sessions } from './sessions.js';
import type { StoreConfig } from './store-config.js';

export type MagentoVersion = '2.4.7' | '2.4.8';

export interface EmulatorState {
  readonly version: MagentoVersion;
  readonly config: StoreConfig;
  readonly faults: FaultSwitches;
  readonly accounts: Accounts;
  readonly resetRequests: ResetRequestLimiter;
  readonly loginThrottle: LoginThrottle;
  readonly jwt: JwtIssuer;
  readonly mail: MailDispatch;
  readonly sessions: Sessions;
  readonly admin: { readonly username: string; readonly password: string };
}

/** Who is calling, from the Bearer token; a bad, expired or revoked token is a guest. */
export type Caller = { kind: 'guest' } | { kind: 'customer'; customerId: number } | { kind: 'admin'; userId: number };

/** The store of the URL (`/rest/<store>/V1/…`): its website id as Magento fetches it, a string. */
export interface StoreScope {
  code: string;
  websiteId: string;
}

/** One service call after routing, ACL and input conversion. */
export interface ServiceCall {
  readonly state: EmulatorState;
  readonly input: Readonly<Record<string, InputValue>>;
  readonly caller: Caller;
  readonly scope: StoreScope;
  readonly clientIp: string;
  readonly now: Date;
}
