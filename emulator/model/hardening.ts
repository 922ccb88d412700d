// A hardened store in one step, as `npm run stack` offers it (EMULATOR_2FA_SECRET, EMULATOR_RECAPTCHA,
// EMULATOR_INTEGRATION_TOKEN): what the lab did with bin/magento and make-integration.php (HARDENED.md).
import { ADMIN_USER_ID } from './admin-user.js';
import type { EmulatorState } from './emulator-state.js';
import { CUSTOMER_RESOURCES } from './integrations.js';
import { GOOGLE_TEST_KEYS, type RecaptchaForm } from './recaptcha.js';
import { GOOGLE } from './two-factor.js';

export interface Hardening {
  /** Magento_TwoFactorAuth on, google forced, and this base32 secret set for the admin (`security:tfa:google:set-secret`). */
  readonly twoFactorSecret?: string;
  /** `recaptcha_frontend/type_for/<form>` = invisible, with Google's test keys. */
  readonly recaptchaForms?: readonly RecaptchaForm[];
  /** An active integration with the customer resources, this access token, the bearer option on. */
  readonly integrationToken?: string;
}

export function applyHardening(state: Pick<EmulatorState, 'config' | 'twoFactor' | 'integrations'>, hardening: Hardening): void {
  const { config, twoFactor, integrations } = state;
  if (hardening.twoFactorSecret !== undefined) {
    twoFactor.enabled = true;
    config.set('twofactorauth/general/force_providers', GOOGLE);
    twoFactor.setGoogleSecret(ADMIN_USER_ID, hardening.twoFactorSecret);
  }
  const forms = hardening.recaptchaForms ?? [];
  if (forms.length > 0) {
    config.set('recaptcha_frontend/type_invisible/public_key', GOOGLE_TEST_KEYS.public_key);
    config.set('recaptcha_frontend/type_invisible/private_key', GOOGLE_TEST_KEYS.private_key);
  }
  for (const form of forms) config.set(`recaptcha_frontend/type_for/${form}`, 'invisible');
  if (hardening.integrationToken !== undefined) {
    integrations.add('stack-integration', hardening.integrationToken, CUSTOMER_RESOURCES);
    config.set('oauth/consumer/enable_integration_as_bearer', '1');
  }
}
