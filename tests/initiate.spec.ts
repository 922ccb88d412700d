import { advisories, noteAdvisory } from '../fixtures/advisories.js';
import { nobody } from '../fixtures/customers.js';
import { findResetLinks } from '../fixtures/link.js';
import { magentoErrors } from '../fixtures/magento/messages.js';
import { RESET_TOKEN } from '../fixtures/magento/reset-link-contract.js';
import { accepted, refused } from '../fixtures/magento/result.js';
import { resetLinkCarriesEmail } from '../fixtures/release.js';
import type { StoreProfile } from '../fixtures/store-profile.js';
import { digestOf, expect, test } from '../fixtures/test.js';
import { asserts } from '../fixtures/transcript-cases.js';

test.describe('requesting a reset mail (PUT /V1/customers/password)', () => {
  test('without a template, "template" is required', {
    tag: ['@contract', '@negative'],
    annotation: asserts('initiate-only-email'),
  }, async ({ magento }) => {
    expect(await magento.initiatePasswordReset({ email: nobody() })).toEqualResult(refused(400, magentoErrors.required('template')));
  });

  test('without an email, "email" is required', { tag: ['@contract', '@negative'] }, async ({ magento }) => {
    expect(await magento.initiatePasswordReset({ template: 'email_reset' })).toEqualResult(
      refused(400, magentoErrors.required('email')),
    );
  });

  test('without both, the two errors come together', {
    tag: ['@contract', '@negative'],
    annotation: asserts('initiate-empty-body'),
  }, async ({ magento }) => {
    expect(await magento.initiatePasswordReset({})).toEqualResult(refused(400, magentoErrors.allRequired(['email', 'template'])));
  });

  test('an unknown email is a 404 naming the email and the website id sent', {
    tag: ['@contract', '@security'],
    annotation: asserts('initiate-unknown-email-website1'),
  }, async ({
    magento,
    profile,
  }) => {
    const email = nobody();
    expect(await magento.initiatePasswordReset({ email, template: 'email_reset', websiteId: profile.websiteId })).toEqualResult(
      refused(404, magentoErrors.noSuchEmail(email, profile.websiteId)),
    );
    noteAdvisory(advisories.accountEnumeration);
  });

  test('an unknown email without websiteId names the store website as a string', {
    tag: ['@contract'],
    annotation: asserts('initiate-unknown-email-no-website'),
  }, async ({
    magento,
    profile,
  }) => {
    const email = nobody();
    expect(await magento.initiatePasswordReset({ email, template: 'email_reset' })).toEqualResult(
      refused(404, magentoErrors.noSuchEmail(email, String(profile.websiteId))),
    );
  });

  for (const [label, email, recorded] of [
    ['a malformed email', 'not-an-email', 'initiate-malformed-email'],
    ['an empty email', '', 'x-initiate-empty-email'],
  ] as const) {
    test(`${label} is not validated: the same 404`, {
      tag: ['@contract', '@negative'],
      annotation: asserts(recorded),
    }, async ({ magento, profile }) => {
      expect(await magento.initiatePasswordReset({ email, template: 'email_reset', websiteId: profile.websiteId })).toEqualResult(
        refused(404, magentoErrors.noSuchEmail(email, profile.websiteId)),
      );
    });
  }

  test('an invalid template is refused, yet the token mailed before is already replaced', {
    tag: ['@contract', '@security'],
    annotation: asserts('initiate-invalid-template', 'validate-old-token-after-invalid-template'),
  }, async ({
    customers,
    magento,
    resetFlow,
  }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await test.step('a request with template "bogus" is refused with the allowed values', async () => {
      expect(await magento.initiatePasswordReset({ email: customer.email, template: 'bogus' })).toEqualResult(
        refused(400, magentoErrors.invalidTemplate('bogus')),
      );
    });
    await test.step('the mailed token no longer matches: the refused request rotated it', async () => {
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(refused(400, magentoErrors.tokenMismatched));
    });
  });

  test('an empty template is refused the same way', {
    tag: ['@contract', '@negative'],
    annotation: asserts('x-initiate-empty-template'),
  }, async ({ customers, magento, profile }) => {
    const customer = await customers.create();
    expect(
      await magento.initiatePasswordReset({ email: customer.email, template: '', websiteId: profile.websiteId }),
    ).toEqualResult(refused(400, magentoErrors.invalidTemplate('')));
  });

  test('the email_reminder template mails a working link too', {
    tag: ['@contract'],
    annotation: asserts('initiate-email-reminder'),
  }, async ({ customers, resetFlow, profile }) => {
    const customer = await customers.create();
    const { mail, token } = await resetFlow.requestReset(customer, { template: 'email_reminder' });
    expect(mail.subject).toBe(`Reset your ${profile.storeName} password`);
    await test.step('its token sets a new password', () => resetFlow.setNewPassword(customer, token));
  });

  for (const { title, websiteId, recorded } of [
    {
      title: "an explicit websiteId of the customer's website mails a valid link",
      websiteId: (profile: StoreProfile) => profile.websiteId,
      recorded: 'initiate-valid',
    },
    {
      title: "without websiteId the store's website is used",
      websiteId: () => undefined,
      recorded: '2.4.8-multisite/initiate-default-no-website',
    },
  ]) {
    test(title, { tag: ['@contract'], annotation: asserts(recorded) }, async ({ customers, magento, resetFlow, profile }) => {
      const customer = await customers.create();
      const { token } = await resetFlow.requestReset(customer, { websiteId: websiteId(profile) });
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(accepted(true));
    });
  }

  test('an upper-cased email finds the customer and mails the stored address', {
    tag: ['@contract'],
    annotation: asserts('x-initiate-uppercased-email'),
  }, async ({
    customers,
    resetFlow,
    config,
  }) => {
    const customer = await customers.create();
    // the mailbox waits for mail to the stored (lower-case) address, so arriving there is the check
    const { mail, token } = await resetFlow.requestReset(customer, { email: customer.email.toUpperCase() });
    expect(mail.to.map((to) => to.address)).toStrictEqual([customer.email]);
    if (resetLinkCarriesEmail(config.release)) expect(mail.link.email).toBe(customer.email);
    await test.step('the token works with the stored address', () => resetFlow.setNewPassword(customer, token));
  });

  test('each request sends exactly one reset mail, and the welcome mail is not one', {
    tag: ['@contract', '@security'],
    annotation: asserts('x-welcome-*'),
  }, async ({
    customers,
    magento,
    mailbox,
    resetFlow,
    profile,
  }) => {
    const customer = await customers.create();
    const welcome = await test.step('account creation sent a welcome mail, with its own createPassword token', () =>
      mailbox.next(customer.email, `Welcome to ${profile.storeName}`),
    );
    const welcomeToken = findResetLinks(welcome.html, profile.resetLink.path)[0]?.token;
    expect(welcomeToken, 'the welcome link token').toMatch(RESET_TOKEN);
    const first = await resetFlow.requestReset(customer);
    await test.step('one request, one reset mail, whose token replaced the welcome token', async () => {
      expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(1);
      expect(digestOf(first.token), 'the reset token').not.toBe(digestOf(welcomeToken));
      expect(await magento.validateResetToken(customer.id, String(welcomeToken))).toEqualResult(
        refused(400, magentoErrors.tokenMismatched),
      );
    });

    const second = await resetFlow.requestReset(customer);
    await test.step('two requests, two reset mails, two different tokens', async () => {
      expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(2);
      expect(digestOf(second.token), 'the second token').not.toBe(digestOf(first.token));
    });
    await test.step('only the newest token is valid', async () => {
      expect(await magento.validateResetToken(customer.id, first.token)).toEqualResult(refused(400, magentoErrors.tokenMismatched));
      expect(await magento.validateResetToken(customer.id, second.token)).toEqualResult(accepted(true));
    });
  });
});
