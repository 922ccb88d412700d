import { advisories, noteAdvisory } from '../fixtures/advisories.js';
import { magentoErrors } from '../fixtures/magento/messages.js';
import { refused } from '../fixtures/magento/result.js';
import { expect, test } from '../fixtures/test.js';
import { asserts } from '../fixtures/transcript-cases.js';

/** oauth/authentication_lock/max_failures_count: failures after which even the right password is refused. */
const TOKEN_THROTTLE_FAILURES = 6;

const signInFailed = refused(401, magentoErrors.signInFailed);

test.describe('signing in after a reset', () => {
  test('the new password works, the old fails, and a token issued before the reset survives', {
    tag: ['@security'],
    annotation: asserts('customer-token-new-password', 'customer-token-old-password', 'x-me-with-token-issued-before-reset'),
  }, async ({
    customers,
    magento,
    resetFlow,
  }) => {
    const customer = await customers.create();
    const tokenBefore = await resetFlow.signIn(customer.email, customer.password);
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = await resetFlow.setNewPassword(customer, token);

    await test.step('the old password is refused with the generic message', async () => {
      expect(await magento.customerToken(customer.email, customer.password)).toEqualResult(signInFailed);
    });
    await resetFlow.signInAs(customer, newPassword);
    await test.step('the token issued before the reset still reads the account (Magento does not revoke it)', async () => {
      const me = await magento.me(tokenBefore);
      expect(me.ok && me.body.id).toBe(customer.id);
      noteAdvisory(advisories.tokensSurviveReset);
    });
  });

  test('six failed sign-ins refuse even the right password, and a reset does not lift that', {
    tag: ['@security'],
    annotation: asserts('x-throttle-6-*', 'lockout-*', 'x-lockout-*'),
  }, async ({
    customers,
    magento,
    resetFlow,
  }) => {
    const customer = await customers.create();
    await test.step(`${TOKEN_THROTTLE_FAILURES} sign-ins with wrong passwords fail`, async () => {
      for (let attempt = 1; attempt <= TOKEN_THROTTLE_FAILURES; attempt += 1) {
        expect(await magento.customerToken(customer.email, `Wrong-Pass-${attempt}`)).toEqualResult(signInFailed);
      }
    });
    await test.step('the right password is refused too, with the same message', async () => {
      expect(await magento.customerToken(customer.email, customer.password)).toEqualResult(signInFailed);
    });
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = await resetFlow.setNewPassword(customer, token);
    await test.step('after the reset the new password is still throttled', async () => {
      expect(await magento.customerToken(customer.email, newPassword)).toEqualResult(signInFailed);
    });
  });

  test('a locked account can still reset, and the reset unlocks it', {
    tag: ['@security'],
    annotation: asserts(
      'x-locked-account-customer-token-right-password',
      'x-locked-account-initiate',
      'x-locked-account-reset',
      'x-locked-account-token-after-reset',
    ),
  }, async ({
    customers,
    magento,
    resetFlow,
    backdoor,
  }) => {
    const customer = await customers.create();
    await test.step('the account is locked (10 failures, 10 more minutes)', () => backdoor.lockAccount(customer.id, 10, 600));
    await test.step('the right password is refused with the generic message', async () => {
      expect(await magento.customerToken(customer.email, customer.password)).toEqualResult(signInFailed);
    });
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = await resetFlow.setNewPassword(customer, token);
    await resetFlow.signInAs(customer, newPassword);
  });

  test('/customers/me without a token is not authorized', {
    tag: ['@contract', '@negative'],
    annotation: asserts('x-me-with-garbage-token'),
  }, async ({ magento }) => {
    expect(await magento.me('not-a-token')).toEqualResult(refused(401, magentoErrors.notAuthorized('self')));
  });
});
