// Magento's JWT user tokens (JwtUserToken module): HS256, header {"kid":"1","alg":"HS256"},
// claims uid, utypid (3 customer, 2 admin), iat and exp in whole seconds. Deterministic, so two
// tokens for the same user within one second are identical, as recorded. Revocation is the
// jwt_auth_revoked table: per user, every token issued at or before the revocation second
// (JwtUserToken/Model/Revoker.php, RevokedValidator.php).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { wholeSeconds } from './magento-time.js';

export const USER_TYPE = { admin: 2, customer: 3 } as const;
export type JwtUserType = keyof typeof USER_TYPE;

export interface TokenClaims {
  uid: number;
  utypid: number;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from('{"kid":"1","alg":"HS256"}').toString('base64url');

/** Why a bearer token is not accepted, in the order Magento's reader and validators look. */
export type TokenProblem = 'unreadable' | 'expired' | 'revoked';

export class JwtIssuer {
  // A fresh signing key per emulator instance, like a deployment's crypt key; a rotation appends one.
  readonly #keys = [randomBytes(32)];
  /** `utypid:uid` → the second before which (inclusive) its tokens are revoked. */
  readonly #revokedBefore = new Map<string, number>();

  /** `newestKeyOnly`: tokens signed with an older `crypt/key` are refused (release.ts jwtNewestKeyOnly). */
  constructor(private readonly newestKeyOnly: boolean) {}

  /** A new key appended to `crypt/key` (bin/magento encryption:key:change): new tokens are signed with it. */
  rotateKey(): void {
    this.#keys.push(randomBytes(32));
  }

  #sign(input: string, key = this.#keys.at(-1) ?? Buffer.alloc(0)): string {
    return createHmac('sha256', key).update(input).digest('base64url');
  }

  issue(userType: JwtUserType, uid: number, now: Date, lifetimeMinutes: number): string {
    const iat = wholeSeconds(now);
    const claims: TokenClaims = { uid, utypid: USER_TYPE[userType], iat, exp: iat + lifetimeMinutes * 60 };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${HEADER}.${payload}.${this.#sign(`${HEADER}.${payload}`)}`;
  }

  /** The claims of an authentic, unexpired, unrevoked token; undefined for anything else. */
  read(token: string, now: Date): TokenClaims | undefined {
    const checked = this.inspect(token, now);
    return 'claims' in checked ? checked.claims : undefined;
  }

  /** The token's claims, or the first reason it is refused. */
  inspect(token: string, now: Date): { claims: TokenClaims } | { problem: TokenProblem } {
    const [header, payload, signature, ...rest] = token.split('.');
    if (header !== HEADER || payload === undefined || signature === undefined || rest.length > 0) return { problem: 'unreadable' };
    const given = Buffer.from(signature);
    const keys = this.newestKeyOnly ? this.#keys.slice(-1) : this.#keys;
    const signedByOne = keys.some((key) => {
      const expected = Buffer.from(this.#sign(`${header}.${payload}`, key));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!signedByOne) return { problem: 'unreadable' };
    const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims === undefined) return { problem: 'unreadable' };
    if (claims.exp <= wholeSeconds(now)) return { problem: 'expired' };
    const revokedBefore = this.#revokedBefore.get(`${claims.utypid}:${claims.uid}`);
    if (revokedBefore !== undefined && claims.iat <= revokedBefore) return { problem: 'revoked' };
    return { claims };
  }

  /** Revokes every token the user was issued up to now (revokeCustomerAccessToken, customer delete). */
  revokeFor(userType: JwtUserType, uid: number, now: Date): void {
    this.#revokedBefore.set(`${USER_TYPE[userType]}:${uid}`, wholeSeconds(now));
  }
}

function parseClaims(json: string): TokenClaims | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return undefined;
    const { uid, utypid, iat, exp } = value as Record<string, unknown>;
    if (typeof uid !== 'number' || typeof utypid !== 'number' || typeof iat !== 'number' || typeof exp !== 'number') {
      return undefined;
    }
    return { uid, utypid, iat, exp };
  } catch {
    return undefined;
  }
}
