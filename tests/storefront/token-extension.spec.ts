import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import { hoursPastExpiry } from '../../fixtures/store-profile.js';
import { headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import { expect, opensSetPasswordForm, test } from '../../fixtures/storefront/test.js';
import { ageResetToken } from '../../fixtures/token-age.js';

// CreatePassword re-saves rp_token_created_at on every view ("Extend token validity to avoid expiration
// while this form is being completed"): the expiry window restarts. Read through the backdoor, as the row is.
test.describe('viewing the reset page and the token age (customer_entity.rp_token_created_at)', () => {
  test('opening the link makes an ageing token fresh again', { tag: ['@security'] }, async ({ customers, resetFlow, shopper, backdoor, profile }) => {
    const customer = await customers.create();
    const { mail } = await resetFlow.requestReset(customer);
    const minutes = profile.passwordPolicy.expiryHours * 60 - 30;
    await ageResetToken(backdoor, customer.id, minutes);
    await test.step(`the token is ${minutes} minutes old: half an hour left`, async () => {
      expect(await backdoor.resetTokenAge(customer.id)).toBeGreaterThanOrEqual(minutes * 60);
    });
    await opensSetPasswordForm(shopper, mail.link.href);
    await test.step('the view re-saved it: the token is under a minute old, its window restarted', async () => {
      expect(await backdoor.resetTokenAge(customer.id)).toBeLessThan(60);
    });
    noteAdvisory(advisories.storefrontTokenExtendedOnView);
  });

  test('an expired link is not revived by viewing it', { tag: ['@security'] }, async ({ customers, resetFlow, shopper, backdoor, profile }) => {
    const customer = await customers.create();
    const { mail } = await resetFlow.requestReset(customer);
    const hours = hoursPastExpiry(profile);
    await ageResetToken(backdoor, customer.id, hours * 60);
    await shopper.step('the expired link lands on the forgot page', 'expired-link', async () => {
      await shopper.openSecretUrl(mail.link.href);
      await shopper.expectPage(headings.forgot);
      await shopper.expectMessages({ error: [storefrontMessages.linkExpired] });
    });
    await test.step(`the token is still ${hours} hours old`, async () => {
      expect(await backdoor.resetTokenAge(customer.id)).toBeGreaterThanOrEqual(hours * 3600);
    });
  });
});
