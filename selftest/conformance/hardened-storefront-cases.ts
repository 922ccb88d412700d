// The storefront cases of transcripts/2.4.8-hardened (`sf-*`, HARDENED.md §4), which the REST replay leaves to
// hardened-storefront-replay.spec.ts, each with the config its recording's `setup` names.

export const HARDENED_STOREFRONT_FOLDER = '2.4.8-hardened';

const FORGOT = 'recaptcha_frontend/type_for/customer_forgot_password';
const ALL_FORMS = {
  [FORGOT]: 'invisible',
  'recaptcha_frontend/type_for/customer_login': 'invisible',
  'recaptcha_frontend/type_for/customer_create': 'invisible',
};
const LEGACY_CAPTCHA = 'customer/captcha/enable';
/** Google's test keys, which the lab configured for every case (`setup`). */
export const TEST_KEYS = {
  'recaptcha_frontend/type_invisible/public_key': '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  'recaptcha_frontend/type_invisible/private_key': '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
};

/**
 * Each case's config, read from its `setup` (prose in the recording). Magento_Captcha "at its defaults" is on:
 * set here, since the emulated stack, like the Docker one, switches it off.
 */
export const HARDENED_STOREFRONT_SETUPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'sf-forgotpassword-page-recaptcha-off': { [LEGACY_CAPTCHA]: '1' },
  'sf-forgotpassword-page-recaptcha-on': { ...ALL_FORMS, [LEGACY_CAPTCHA]: '1' },
  'sf-login-page-recaptcha-on': { ...ALL_FORMS, [LEGACY_CAPTCHA]: '1' },
  'sf-forgotpassword-post-recaptcha-off': { [LEGACY_CAPTCHA]: '1' },
  'sf-forgotpassword-post-recaptcha-off-legacy-captcha-off': { [LEGACY_CAPTCHA]: '0' },
  'sf-forgotpassword-post-recaptcha-on-no-response': { [FORGOT]: 'invisible', [LEGACY_CAPTCHA]: '0' },
  'sf-forgotpassword-post-recaptcha-on-fake-response': { [FORGOT]: 'invisible', [LEGACY_CAPTCHA]: '0' },
  'sf-forgotpassword-post-recaptcha-on-legacy-captcha-on': { [FORGOT]: 'invisible', [LEGACY_CAPTCHA]: '1' },
};

/** True for a case the hardened storefront replay sends. */
export const isHardenedStorefrontCase = (folder: string, name: string): boolean =>
  folder === HARDENED_STOREFRONT_FOLDER && name in HARDENED_STOREFRONT_SETUPS;
