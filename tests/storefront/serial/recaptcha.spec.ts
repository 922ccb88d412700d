import { asserts } from '../../../fixtures/transcript-cases.js';
import { CAPTCHA_ENABLE, RECAPTCHA_FORGOT } from '../../../fixtures/storefront/captcha.js';
import { headings, storefrontMessages } from '../../../fixtures/storefront/messages.js';
import { expect, test } from '../../../fixtures/storefront/test.js';

// A hardened store protects the forgot form with Google reCAPTCHA (HARDENED.md §4). The run switched it off
// (captcha-off.setup.ts); this turns it on, with Google's published test keys, and proves the form enforces it:
// the shopper's button waits for Google's script, and a post that skips it is refused and mails nothing.
const INVISIBLE_KEYS = {
  'recaptcha_frontend/type_invisible/public_key': '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  'recaptcha_frontend/type_invisible/private_key': '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
};

test('with reCAPTCHA on the forgot form, its button waits for Google and a post without a response is refused, mailing nothing', {
  tag: ['@security'],
  annotation: asserts('2.4.8-hardened/sf-forgotpassword-page-recaptcha-on', '2.4.8-hardened/sf-forgotpassword-post-recaptcha-on-no-response'),
}, async ({ storeConfig, customers, forgotForm, shopper, mailbox, resetFlow }) => {
  const customer = await customers.create();
  await test.step(`reCAPTCHA is switched on (${RECAPTCHA_FORGOT} = invisible, Google's test keys, ${CAPTCHA_ENABLE} = 0)`, () =>
    storeConfig.set({ ...INVISIBLE_KEYS, [RECAPTCHA_FORGOT]: 'invisible', [CAPTCHA_ENABLE]: '0' }),
  );
  await shopper.step('the forgot form carries the widget, and "Reset My Password" is disabled until Google\'s script runs', 'recaptcha-shown', async () => {
    await forgotForm.open();
    await expect(forgotForm.recaptcha()).toHaveCount(1);
    await expect(shopper.page.locator(shopper.theme.forgot.submit)).toBeDisabled();
  });
  await shopper.step('a post without a reCAPTCHA response: back on the forgot page, "Something went wrong with reCAPTCHA"', 'recaptcha-refused', async () => {
    await forgotForm.submitWithoutScripts(customer.email);
    await shopper.expectPage(headings.forgot);
    await shopper.expectMessages({ error: [storefrontMessages.recaptchaFailed] });
  });
  await test.step('nothing was mailed: with reCAPTCHA off again (it guards REST too), the next reset mail is the only one', async () => {
    await storeConfig.restoreAll();
    await resetFlow.requestReset(customer);
    expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(1);
  });
});
