// EMULATOR_2FA_SECRET, EMULATOR_RECAPTCHA and EMULATOR_INTEGRATION_TOKEN, read for `npm run stack` and the CLI.
import type { Hardening } from './model/hardening.js';
import { isRecaptchaForm, RECAPTCHA_FORMS, type RecaptchaForm } from './model/recaptcha.js';
import { base32Decode } from './model/totp.js';

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Throws one line naming the variable at fault. */
export function hardeningFromEnv(env: Env): Hardening {
  const twoFactorSecret = set(env.EMULATOR_2FA_SECRET);
  if (twoFactorSecret !== undefined && (base32Decode(twoFactorSecret)?.length ?? 0) === 0) {
    throw new Error('EMULATOR_2FA_SECRET must be a base32 secret such as JBSWY3DPEHPK3PXP');
  }
  const forms = (set(env.EMULATOR_RECAPTCHA) ?? '').split(',').map((form) => form.trim()).filter(Boolean);
  const unknown = forms.filter((form) => !isRecaptchaForm(form));
  if (unknown.length > 0) {
    throw new Error(`EMULATOR_RECAPTCHA names unknown form(s) ${unknown.join(', ')}: use a comma-separated list of ${RECAPTCHA_FORMS.join(', ')}`);
  }
  const integrationToken = set(env.EMULATOR_INTEGRATION_TOKEN);
  if (integrationToken !== undefined && !/^[A-Za-z0-9]{8,}$/.test(integrationToken)) {
    throw new Error('EMULATOR_INTEGRATION_TOKEN must be letters and digits (Magento issues 32), at least 8');
  }
  return { twoFactorSecret, recaptchaForms: forms as RecaptchaForm[], integrationToken };
}
