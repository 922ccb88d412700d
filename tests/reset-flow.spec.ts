import { accepted, refused } from '../fixtures/magento/result.js';
import { magentoErrors } from '../fixtures/magento/messages.js';
import { RESET_TOKEN, resetLinkKeys } from '../fixtures/magento/reset-link-contract.js';
import { renderMailPng } from '../fixtures/mail-render.js';
import { strongPassword } from '../fixtures/passwords.js';
import { redact } from '../fixtures/redact.js';
import { expect, test } from '../fixtures/test.js';

test('a customer resets a forgotten password through the mailed link', { tag: ['@smoke'] }, async ({
  customers,
  magento,
  resetFlow,
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

  await test.step(`the link opens the store's password page with ${resetLinkKeys(config.magentoVersion).join(', ')}`, () => {
    expect(mail.link.target).toBe(`${profile.resetLink.baseUrl}${profile.resetLink.path}`);
    expect(mail.link.keys).toStrictEqual(resetLinkKeys(config.magentoVersion));
    expect(mail.link.id).toBe(String(customer.id));
    expect(token).toMatch(RESET_TOKEN);
    expect(mail.link.email).toBe(config.magentoVersion === '2.4.8' ? customer.email : undefined);
  });

  await test.step('the mail as rendered goes into the report', async () => {
    const rendered = await renderMailPng(redact(mail.html));
    await (Buffer.isBuffer(rendered)
      ? test.info().attach('reset-mail.png', { body: rendered, contentType: 'image/png' })
      : test.info().attach('reset-mail-not-rendered.txt', { body: rendered.skipped, contentType: 'text/plain' }));
  });

  const newPassword = strongPassword(profile.passwordPolicy.minLength);
  await test.step('the token sets a new password', async () => {
    expect(await magento.resetPassword({ email: customer.email, resetToken: token, newPassword })).toStrictEqual(accepted(true));
  });

  const customerToken = await resetFlow.signIn(customer.email, newPassword);

  await test.step('the token belongs to that customer', async () => {
    const me = await magento.me(customerToken);
    expect(me.ok && { id: me.body.id, email: me.body.email }).toStrictEqual({ id: customer.id, email: customer.email });
  });

  await test.step('the old password no longer signs in', async () => {
    expect(await magento.customerToken(customer.email, customer.password)).toStrictEqual(refused(401, magentoErrors.signInFailed));
  });
});
