import { CAPTCHA_ENABLE } from '../../../fixtures/storefront/captcha.js';
import { fieldErrors, headings, storefrontMessages } from '../../../fixtures/storefront/messages.js';
import { expect, test } from '../../../fixtures/storefront/test.js';

// The parallel specs run with the CAPTCHA off; this switches stock Magento's CAPTCHA back on
// (always_for/user_forgotpassword is 1 by default) and proves the form enforces it.
test('with the CAPTCHA on, the forgot form sends nothing without the word and mails nothing for a wrong one', { tag: ['@security'] }, async ({
  storeConfig,
  customers,
  forgotForm,
  shopper,
  mailbox,
  resetFlow,
}) => {
  const customer = await customers.create();
  await test.step(`the CAPTCHA is switched on (${CAPTCHA_ENABLE} = 1)`, () => storeConfig.set({ [CAPTCHA_ENABLE]: '1' }));
  await shopper.step('the forgot form shows the CAPTCHA', 'captcha-shown', async () => {
    await forgotForm.open();
    await expect(forgotForm.captcha()).toBeVisible();
  });
  await shopper.step('without the word the browser refuses it: "This is a required field."', 'captcha-required', () =>
    forgotForm.submitRefused('', fieldErrors.required),
  );
  await shopper.step('a wrong word: back on the forgot page, "Incorrect CAPTCHA"', 'captcha-incorrect', async () => {
    await forgotForm.submit(customer.email, 'not-the-word');
    await shopper.expectPage(headings.forgot);
    await shopper.expectMessages({ error: [storefrontMessages.incorrectCaptcha] });
  });
  await test.step('nothing was mailed: the next reset mail (over REST) is the only one', async () => {
    await resetFlow.requestReset(customer);
    expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(1);
  });
});
