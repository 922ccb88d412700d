import { FOREIGN_TOKEN } from '../../fixtures/magento/reset-link-contract.js';
import type { IssuedReset, ResetFlow } from '../../fixtures/reset-flow.js';
import type { CustomerFactory, TestCustomer } from '../../fixtures/customers.js';
import { hoursPastExpiry } from '../../fixtures/store-profile.js';
import { headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import type { SetPasswordForm } from '../../fixtures/storefront/forms.js';
import type { Shopper } from '../../fixtures/storefront/shopper.js';
import { alteredLink, expect, opensSetPasswordForm, storefrontCases, test } from '../../fixtures/storefront/test.js';
import { ageResetToken } from '../../fixtures/token-age.js';

interface Setting {
  readonly customers: CustomerFactory;
  readonly resetFlow: ResetFlow;
  readonly shopper: Shopper;
  readonly setPasswordForm: SetPasswordForm;
}

interface BadLink {
  readonly title: string;
  readonly shot: string;
  /** The recorded case (both storefront walks) it asserts. */
  readonly recorded: string;
  /** Issues what the case needs and returns the link to open. */
  readonly link: (setting: Setting, customer: TestCustomer, reset: IssuedReset) => string | Promise<string>;
}

const badLinks: readonly BadLink[] = [
  {
    title: 'the link again after the password was set with it',
    shot: 'reused', recorded: 'link-reuse-after-success',
    link: async ({ shopper, setPasswordForm, resetFlow }, _, { mail }) => {
      await opensSetPasswordForm(shopper, mail.link.href);
      await shopper.step('a new password is set with it', 'password-updated', async () => {
        await setPasswordForm.submit(resetFlow.newPassword());
        await shopper.expectMessages({ success: [storefrontMessages.passwordUpdated] });
      });
      return mail.link.href;
    },
  },
  { title: 'a token that was never issued', shot: 'random-token', recorded: 'link-mismatched-token', link: (_, __, { mail }) => alteredLink(mail.link, { token: FOREIGN_TOKEN }) },
  {
    title: "another customer's id with this live token",
    shot: 'foreign-id', recorded: 'link-foreign-token',
    link: async ({ customers }, _, { mail }) => {
      const other = await customers.create();
      return alteredLink(mail.link, { id: String(other.id) });
    },
  },
  { title: 'no token at all (a fresh session)', shot: 'missing-token', recorded: 'link-no-token', link: (_, __, { mail }) => alteredLink(mail.link, { token: undefined }) },
  { title: 'id 0 with the live token', shot: 'id-zero', recorded: 'link-id-zero', link: (_, __, { mail }) => alteredLink(mail.link, { id: '0' }) },
  {
    title: 'the first link after a second one was mailed',
    shot: 'superseded', recorded: 'link-superseded-token',
    link: async ({ resetFlow }, customer, { mail }) => {
      await resetFlow.requestReset(customer);
      return mail.link.href;
    },
  },
];

/** Opens the link; the shopper lands on the forgot page with only the "expired" error. */
function expiredLanding(shopper: Shopper, href: string, shot: string): Promise<void> {
  return shopper.step('the link is opened: the forgot page says it has expired', shot, async () => {
    await shopper.openSecretUrl(href);
    await shopper.expectPage(headings.forgot);
    await shopper.expectMessages({ error: [storefrontMessages.linkExpired] });
    expect(shopper.location()).toBe('/customer/account/forgotpassword/');
  });
}

test.describe('a bad reset link lands on the forgot page: "Your password reset link has expired."', () => {
  for (const badLink of badLinks) {
    test(badLink.title, { tag: ['@security', '@negative'], annotation: storefrontCases(badLink.recorded) }, async ({ customers, resetFlow, shopper, setPasswordForm }) => {
      const customer = await customers.create();
      const reset = await resetFlow.requestReset(customer);
      const href = await badLink.link({ customers, resetFlow, shopper, setPasswordForm }, customer, reset);
      await expiredLanding(shopper, href, badLink.shot);
    });
  }

  test('a token older than the expiry period', { tag: ['@security', '@negative'], annotation: storefrontCases('link-aged-token') }, async ({ customers, resetFlow, shopper, backdoor, profile }) => {
    const customer = await customers.create();
    const { mail } = await resetFlow.requestReset(customer);
    await ageResetToken(backdoor, customer.id, hoursPastExpiry(profile) * 60);
    await expiredLanding(shopper, mail.link.href, 'aged-token');
  });
});
