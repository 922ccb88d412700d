// Magento's token user context (W/Model/Authorization/TokenUserContext.php): who a request's
// `Authorization: Bearer <token>` names. An unreadable, expired or revoked token, or one of a
// customer that no longer exists, is a guest; an integration's token is its integration. Every way in reads its caller here.
import type { Caller, EmulatorState } from './emulator-state.js';
import { USER_TYPE } from './jwt.js';

/** The token of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

export function callerOf(bearer: string | undefined, state: EmulatorState, now: Date): Caller {
  const claims = bearer === undefined ? undefined : state.jwt.read(bearer, now);
  if (claims?.utypid === USER_TYPE.customer && state.accounts.get(claims.uid)) return { kind: 'customer', customerId: claims.uid };
  if (claims?.utypid === USER_TYPE.admin) return { kind: 'admin', userId: claims.uid };
  // An integration's access token, where the bearer option lets it stand alone (model/integrations.ts).
  const integration = bearer === undefined ? undefined : state.integrations.bearer(bearer);
  if (integration !== undefined) return { kind: 'integration', integration };
  return { kind: 'guest' };
}
