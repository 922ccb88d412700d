import { attachMailPicture } from '../fixtures/mail-report.js';
import { magentoErrors } from '../fixtures/magento/messages.js';
import { RESET_TOKEN, resetLinkKeys } from '../fixtures/magento/reset-link-contract.js';
import { refused } from '../fixtures/magento/result.js';
import { resetLinkCarriesEmail } from '../fixtures/release.js';
import { expect, test } from '../fixtures/test.js';
import { asserts } from '../fixtures/transcript-cases.js';

test('a customer resets a forgotten password through the mailed link', {
  tag: ['@smoke'],
  annotation: asserts('create-customer', 'initiate-valid', 'reset-success', 'customer-token-new-password', 'customer-token-old-password'),
}, async ({
  customers,
  magento,
  resetFlow,
  mailbox,
  profile,
  config,
}) => {
  const customer = await test.step('a customer exists with a known password', () => customers.create());
  const { mail, token } = await resetFlow.requestReset(customer);

  await test.step('the mail goes to that customer, from the store sender, with the reset subject', () => {
    expect(mail.to).toStrictEqual([{ name: `${customer.firstname} ${customer.lastname}`, address: customer.email }]);
    expect(mail.from).toStrictEqual({ name: profile.sender.name, address: profile.sender.email });
    expect(mail.subject).toBe(`Reset your ${profile.storeName} password`);
  });

  await test.step('the mail is one HTML part, as Magento sends it (no text alternative, nothing attached)', async () => {
    const structure = await mailbox.structure(mail);
    // 2.4.8 (Symfony Mime) writes charset=utf-8, 2.4.7 (laminas-mail) charset="utf-8"
    expect(structure.contentType).toMatch(/^text\/html; charset="?utf-8"?$/i);
    expect(structure.attachedParts).toBe(0);
  });

  await test.step(`the link opens the store's password page with ${resetLinkKeys(config.release).join(', ')}`, () => {
    expect(mail.link.target).toBe(`${profile.resetLink.baseUrl}${profile.resetLink.path}`);
    expect(mail.link.keys).toStrictEqual(resetLinkKeys(config.release));
    expect(mail.link.id).toBe(String(customer.id));
    expect(token).toMatch(RESET_TOKEN);
    expect(mail.link.email).toBe(resetLinkCarriesEmail(config.release) ? customer.email : undefined);
  });

  await attachMailPicture(mail.html);

  const newPassword = await resetFlow.setNewPassword(customer, token);
  await resetFlow.signInAs(customer, newPassword);

  await test.step('the old password no longer signs in', async () => {
    expect(await magento.customerToken(customer.email, customer.password)).toEqualResult(refused(401, magentoErrors.signInFailed));
  });
});
