import { expectAccountOf } from '../../fixtures/storefront/forms.js';
import { headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import { opensSetPasswordForm, storefrontCases, test } from '../../fixtures/storefront/test.js';

// Starts from the mail (asked for over REST), so it never meets the forgot form's CAPTCHA.
test('a shopper resets a forgotten password from the mailed link and signs in with it', { tag: ['@smoke'], annotation: storefrontCases('link-get', 'create-password-form', 'reset-success', 'login-post-new-password', 'login-post-new-password-follow') }, async ({
  customers,
  resetFlow,
  shopper,
  setPasswordForm,
  signInForm,
}) => {
  const customer = await test.step('a customer exists with a known password', () => customers.create());
  const { mail } = await resetFlow.requestReset(customer);
  await opensSetPasswordForm(shopper, mail.link.href);

  const newPassword = resetFlow.newPassword();
  await shopper.step('a new password is set: the sign-in page says "You updated your password."', 'password-updated', async () => {
    await setPasswordForm.submit(newPassword);
    await shopper.expectPage(headings.login);
    await shopper.expectMessages({ success: [storefrontMessages.passwordUpdated] });
  });

  await shopper.step('the old password is refused on the sign-in form, in Magento\'s words', 'old-password-refused', async () => {
    await signInForm.signIn(customer.email, customer.password);
    await shopper.expectPage(headings.login);
    await shopper.expectMessages({ error: [storefrontMessages.signInFailed] });
  });

  await shopper.step('the new password signs in to "My Account"', 'my-account', async () => {
    await signInForm.signIn(customer.email, newPassword);
    await expectAccountOf(shopper, customer);
  });
});
