// Everything one emulated store holds: its "database", configuration and collaborators.
import type { Accounts } from './accounts.js';
import type { FaultSwitches } from './faults.js';
import type { Integration, Integrations } from './integrations.js';
import type { JwtIssuer } from './jwt.js';
import type { LoginThrottle } from './login-throttle.js';
import type { MailDispatch } from '../mail/mail-dispatch.js';
import type { ResetRequestLimiter } from './request-throttle.js';
import type { InputValue } from '../services/service-input.js';
import type { Release } from './release.js';
import type { Sessions } from './sessions.js';
import type { StoreConfig } from './store-config.js';
import type { StoreLease } from './store-lease.js';
import type { TwoFactorAuth } from './two-factor.js';

export interface EmulatorState {
  readonly release: Release;
  readonly config: StoreConfig;
  readonly faults: FaultSwitches;
  readonly accounts: Accounts;
  readonly resetRequests: ResetRequestLimiter;
  readonly loginThrottle: LoginThrottle;
  readonly jwt: JwtIssuer;
  readonly mail: MailDispatch;
  readonly sessions: Sessions;
  readonly admin: { readonly username: string; readonly password: string };
  readonly twoFactor: TwoFactorAuth;
  readonly integrations: Integrations;
  /** The suite's reader-writer lease: runs sharing this store take turns at store-wide config. */
  readonly storeLease: StoreLease;
}

/** Who is calling, from the Bearer token; a bad, expired or revoked token is a guest. */
export type Caller =
  | { kind: 'guest' }
  | { kind: 'customer'; customerId: number }
  | { kind: 'admin'; userId: number }
  | { kind: 'integration'; integration: Integration };

/** The store of the URL (`/rest/<store>/V1/…`): its website id as Magento fetches it, a string. */
export interface StoreScope {
  code: string;
  websiteId: string;
}

/** The stores of a default install: `default` on website 1; `all` is the admin store, website 0. */
export const STORES = {
  default: { code: 'default', websiteId: '1' },
  all: { code: 'all', websiteId: '0' },
} as const satisfies Readonly<Record<string, StoreScope>>;

/** Magento's application area of the request: plugins and observers are registered per area. */
export type Area = 'webapi_rest' | 'graphql' | 'frontend';

/** One service call after routing, ACL and input conversion. */
export interface ServiceCall {
  readonly state: EmulatorState;
  readonly area: Area;
  readonly input: Readonly<Record<string, InputValue>>;
  readonly caller: Caller;
  readonly scope: StoreScope;
  readonly clientIp: string;
  readonly now: Date;
}
