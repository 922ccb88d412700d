// After the storefront specs: the CAPTCHA config back to the store's own value (captcha-off.setup.ts).
import { CAPTCHA_ENABLE } from '../../fixtures/storefront/captcha.js';
import { test as teardown } from '../../fixtures/test.js';

teardown('the forgot form\'s CAPTCHA is back as the store had it', async ({ availableBackdoor }) => {
  teardown.skip(availableBackdoor === undefined, 'no backdoor: nothing was switched');
  await availableBackdoor?.applyConfig({ [CAPTCHA_ENABLE]: null });
});
