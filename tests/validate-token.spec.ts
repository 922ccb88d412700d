import { magentoErrors } from '../fixtures/magento/messages.js';
import { FOREIGN_TOKEN } from '../fixtures/magento/reset-link-contract.js';
import { accepted, refused } from '../fixtures/magento/result.js';
import { hoursPastExpiry, type StoreProfile } from '../fixtures/store-profile.js';
import { ageResetToken } from '../fixtures/token-age.js';
import { expect, test } from '../fixtures/test.js';
import { asserts } from '../fixtures/transcript-cases.js';

test.describe('checking a reset token (GET /V1/customers/:id/password/resetLinkToken/:token)', () => {
  test('a valid token is true and is not used up by the check', {
    tag: ['@contract'],
    annotation: asserts('validate-valid-1', 'validate-valid-2-store-default'),
  }, async ({ customers, magento, resetFlow }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await test.step('checked twice, the token is valid both times', async () => {
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(accepted(true));
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(accepted(true));
    });
    await test.step('the checked token still resets the password', () => resetFlow.setNewPassword(customer, token));
  });

  test('a wrong token is mismatched', {
    tag: ['@security', '@negative'],
    annotation: asserts('validate-mismatched-token'),
  }, async ({ customers, magento, resetFlow }) => {
    const customer = await customers.create();
    await resetFlow.requestReset(customer);
    expect(await magento.validateResetToken(customer.id, FOREIGN_TOKEN)).toEqualResult(refused(400, magentoErrors.tokenMismatched));
  });

  test('a token differing in letter case, cut short or extended is mismatched', { tag: ['@security', '@negative'] }, async ({
    customers,
    magento,
    resetFlow,
  }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const swapCase = [...token].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    for (const [label, variant] of [
      ['case-swapped', swapCase],
      ['cut to 31 characters', token.slice(0, -1)],
      ['with one character more', `${token}a`],
    ] as const) {
      await test.step(`${label}: mismatched when checked and when used (with a weak password, so nothing is consumed)`, async () => {
        const mismatched = refused(400, magentoErrors.tokenMismatched);
        expect(await magento.validateResetToken(customer.id, variant)).toEqualResult(mismatched);
        expect(await resetFlow.submitPassword(customer, variant, 'weak')).toEqualResult(mismatched);
      });
    }
    expect(await magento.validateResetToken(customer.id, token)).toEqualResult(accepted(true));
  });

  for (const { title, minutesOld, recorded } of [
    {
      title: 'a token older than the expiry period is expired',
      minutesOld: (profile: StoreProfile) => hoursPastExpiry(profile) * 60,
      recorded: 'x-validate-expired-token',
    },
    { title: 'a token created in the future counts as expired', minutesOld: () => -60, recorded: 'x-validate-token-created-in-future' },
  ]) {
    test(title, { tag: ['@security'], annotation: asserts(recorded) }, async ({ customers, magento, resetFlow, backdoor, profile }) => {
      const customer = await customers.create();
      const { token } = await resetFlow.requestReset(customer);
      await ageResetToken(backdoor, customer.id, minutesOld(profile));
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(refused(400, magentoErrors.tokenExpired));
    });
  }

  test('customer id 0 is an invalid value', {
    tag: ['@contract', '@negative'],
    annotation: asserts('validate-id-0'),
  }, async ({ magento }) => {
    expect(await magento.validateResetToken(0, FOREIGN_TOKEN)).toEqualResult(
      refused(400, magentoErrors.invalidFieldValue(0, 'customerId')),
    );
  });

  test('an id nobody has is a 404', {
    tag: ['@contract', '@negative'],
    annotation: asserts('delete-customer', 'validate-unknown-id'),
  }, async ({ customers, magento, adminToken }) => {
    const gone = await customers.create();
    await test.step('the customer is deleted, so its id is known to be free', async () => {
      expect(await magento.deleteCustomer(adminToken, gone.id)).toEqualResult(accepted(true));
    });
    expect(await magento.validateResetToken(gone.id, FOREIGN_TOKEN)).toEqualResult(
      refused(404, magentoErrors.noSuchCustomerId(gone.id)),
    );
  });

  test('a non-numeric id is a type error', {
    tag: ['@contract', '@negative'],
    annotation: asserts('validate-non-numeric-id'),
  }, async ({ magento }) => {
    expect(await magento.validateResetToken('abc', FOREIGN_TOKEN)).toEqualResult(refused(400, magentoErrors.invalidType('abc', 'int')));
  });

  test('an empty token segment matches no route', {
    tag: ['@contract', '@negative'],
    annotation: asserts('x-validate-empty-token-segment'),
  }, async ({ customers, magento }) => {
    const customer = await customers.create();
    expect(await magento.validateResetToken(customer.id, '')).toEqualResult(refused(404, magentoErrors.noRoute));
  });
});
