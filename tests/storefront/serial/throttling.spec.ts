import { BY_EMAIL, limitResetRequests, STOCK_LIMITS } from '../../../fixtures/reset-request-limits.js';
import { headings, storefrontMessages } from '../../../fixtures/storefront/messages.js';
import { expect, test } from '../../../fixtures/storefront/test.js';

// The storefront form is throttled in both versions (Magento_Security guards it). By email (type 3) keeps the
// test to its own address; type 1 would count every reset from this IP (STOREFRONT.md, "Throttling").
test('by email: a second request from the form within 10 minutes is refused, naming the store contact, and mails nothing', { tag: ['@security'] }, async ({
  backdoor,
  storeConfig,
  customers,
  forgotForm,
  shopper,
  mailbox,
  profile,
}) => {
  const customer = await customers.create();
  const other = await customers.create();
  await limitResetRequests(backdoor, storeConfig, { protection: BY_EMAIL, ...STOCK_LIMITS });
  await shopper.step('the first request is answered and mailed', 'first-request', async () => {
    await forgotForm.openWithoutCaptcha();
    await forgotForm.submit(customer.email);
    await shopper.expectMessages({ success: [storefrontMessages.resetRequested(customer.email)] });
    await mailbox.nextResetMail(customer.email);
  });
  await shopper.step('the second is refused: back on the forgot page, "too many requests"', 'second-request-refused', async () => {
    await forgotForm.open();
    await forgotForm.submit(customer.email);
    await shopper.expectPage(headings.forgot);
    await shopper.expectMessages({ error: [storefrontMessages.tooManyResetRequests(profile.contactEmail)] });
  });
  await test.step('another email is not limited; once its mail is in, the refused one has sent nothing', async () => {
    await forgotForm.open();
    await forgotForm.submit(other.email);
    await mailbox.nextResetMail(other.email);
    expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(1);
  });
});
