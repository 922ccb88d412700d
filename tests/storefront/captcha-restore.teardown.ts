// After the storefront specs: the CAPTCHA and reCAPTCHA config back to the store's own values (captcha-off.setup.ts).
import { CAPTCHA_ENABLE, RECAPTCHA_FORGOT, RECAPTCHA_LOGIN } from '../../fixtures/storefront/captcha.js';
import { test as teardown } from '../../fixtures/test.js';

teardown("the forms' CAPTCHA and reCAPTCHA are back as the store had them", async ({ availableBackdoor }) => {
  teardown.skip(availableBackdoor === undefined, 'no backdoor: nothing was switched');
  await availableBackdoor?.applyConfig({ [CAPTCHA_ENABLE]: null, [RECAPTCHA_FORGOT]: null, [RECAPTCHA_LOGIN]: null });
});
