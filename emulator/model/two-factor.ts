// Magento_TwoFactorAuth for the admin user: whether the module is enabled, the forced providers
// (`twofactorauth/general/force_providers`), each admin's Google secret (configured, then activated) and
// the one-time configuration tokens (tfat) it mails. Only Google Authenticator is modelled; it is the
// provider the recordings (HARDENED.md §1) and `security:tfa:google:set-secret` use.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest, type MagentoError, unauthorized } from './magento-errors.js';
import type { StoreConfig } from './store-config.js';
import { base32Encode, totpMatches } from './totp.js';
import { INSTALLED_PROVIDERS, type TwoFactorProvider } from './two-factor-providers.js';

export const GOOGLE = 'google';

/** What a tfat (`tfaToken`) names: a user, or why it names none. */
export type TfatReading = { kind: 'user'; userId: number } | { kind: 'unreadable' } | { kind: 'invalid' };

/** Magento's Google::generateSecret: 132 random bytes as base32 (the recorded secret_code has 212 characters). */
const SECRET_BYTES = 132;

export class TwoFactorAuth {
  /** Off by default, like the stores the other recordings come from (module disabled). */
  enabled = false;
  /** Admin user id → Google secret set by configure, not yet activated. */
  readonly #pendingGoogle = new Map<number, string>();
  /** Admin user id → the activated Google secret. */
  readonly #activeGoogle = new Map<number, string>();
  readonly #tfatKey = randomBytes(32);

  constructor(private readonly config: StoreConfig) {}

  forcedProviders(): string[] {
    return this.config
      .get('twofactorauth/general/force_providers')
      .split(',')
      .map((code) => code.trim())
      .filter((code) => INSTALLED_PROVIDERS.some((p) => p.code === code));
  }

  activeProviders(userId: number): string[] {
    return this.#activeGoogle.has(userId) ? [GOOGLE] : [];
  }

  /** `security:tfa:google:set-secret <user> <secret>`: set and activated at once. */
  setGoogleSecret(userId: number, secret: string): void {
    this.#pendingGoogle.delete(userId);
    this.#activeGoogle.set(userId, secret);
  }

  /** `security:tfa:reset <user> google`. */
  resetGoogle(userId: number): void {
    this.#pendingGoogle.delete(userId);
    this.#activeGoogle.delete(userId);
  }

  /**
   * AdminAccessTokenService after the password is checked: never a token while the module is on.
   * Returns the refusal; `mailTfat` is set when Magento mails the configuration link.
   */
  adminTokenRefusal(userId: number, now: Date): { error: MagentoError; mailTfat?: string } {
    const providers = this.forcedProviders();
    if (providers.length === 0) return { error: badRequest('Please ask an administrator with sufficient access to configure 2FA first') };
    const active = this.activeProviders(userId);
    if (active.length === 0) {
      return {
        error: badRequest(
          'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
          { providers, active_providers: [] },
        ),
        mailTfat: this.issueTfat(userId, now),
      };
    }
    return { error: badRequest('Please use the 2fa provider-specific endpoints to obtain a token.', { active_providers: active }) };
  }

  /** UserConfigTokenManager: base64 of `<json claims>.<base64 of an HMAC-SHA256 hex digest>`. */
  issueTfat(userId: number, now: Date): string {
    const claims = JSON.stringify({ user_id: userId, tfa_configuration: true, iss: Math.floor(now.getTime() / 1000) });
    return Buffer.from(`${claims}.${Buffer.from(this.#sign(claims)).toString('base64')}`).toString('base64');
  }

  /** A tfat whose claims cannot be decoded is unreadable (some routes then fail with a 500, as recorded). */
  readTfat(token: string): TfatReading {
    const decoded = Buffer.from(token, 'base64').toString('latin1');
    const dot = decoded.lastIndexOf('.');
    let claims: unknown;
    try {
      claims = JSON.parse(dot < 0 ? decoded : decoded.slice(0, dot));
    } catch {
      return { kind: 'unreadable' };
    }
    const userId = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).user_id : undefined;
    if (dot < 0 || typeof userId !== 'number') return { kind: 'invalid' };
    const expected = Buffer.from(Buffer.from(this.#sign(decoded.slice(0, dot))).toString('base64'));
    const given = Buffer.from(decoded.slice(dot + 1));
    return expected.length === given.length && timingSafeEqual(expected, given) ? { kind: 'user', userId } : { kind: 'invalid' };
  }

  #sign(claims: string): string {
    return createHmac('sha256', this.#tfatKey).update(claims).digest('hex');
  }

  /** The providers the user still has to activate. */
  providersToActivate(userId: number): TwoFactorProvider[] {
    const active = this.activeProviders(userId);
    return this.userProviders().filter((p) => !active.includes(p.code));
  }

  /** The forced providers, as the provider pool lists them. */
  userProviders(): TwoFactorProvider[] {
    const forced = this.forcedProviders();
    return INSTALLED_PROVIDERS.filter((p) => forced.includes(p.code));
  }

  /** POST /V1/tfa/provider/google/configure: a fresh secret for the user, pending activation. */
  configureGoogle(userId: number): string {
    const secret = base32Encode(randomBytes(SECRET_BYTES));
    this.#pendingGoogle.set(userId, secret);
    return secret;
  }

  /** POST /V1/tfa/provider/google/activate. */
  activateGoogle(userId: number, otp: string, now: Date): void {
    if (this.#activeGoogle.has(userId)) throw badRequest('Provider is already configured.');
    const pending = this.#pendingGoogle.get(userId);
    if (pending === undefined || !this.#codeMatches(pending, otp, now)) throw unauthorized('Invalid code.');
    this.setGoogleSecret(userId, pending);
  }

  /** The Google check of POST /V1/tfa/provider/google/authenticate, after the password. */
  assertGoogleCode(userId: number, otp: string, now: Date): void {
    const secret = this.#activeGoogle.get(userId);
    if (secret === undefined) throw badRequest('Provider is not configured.');
    if (!this.#codeMatches(secret, otp, now)) throw unauthorized('Invalid code.');
  }

  #codeMatches(secret: string, otp: string, now: Date): boolean {
    return totpMatches(secret, otp, now, this.config.int('twofactorauth/google/leeway'));
  }
}
