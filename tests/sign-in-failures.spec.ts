import { magentoErrors } from '../fixtures/magento/messages.js';
import { refused } from '../fixtures/magento/result.js';
import { tokenSuccessClearsFailures } from '../fixtures/release.js';
import { expect, test } from '../fixtures/test.js';

/** Magento's defaults: customer/password/lockout_failures locks the account at 10 failures; the
 *  token throttle (oauth/authentication_lock/max_failures_count) refuses from 6 in a row, so each
 *  round stays one below it. */
const FAILURES_PER_ROUND = 5;

const signInFailed = refused(401, magentoErrors.signInFailed);

test.describe('failed sign-ins and the account lockout', () => {
  test('a successful sign-in clears the failure count from 2.4.8 on; 2.4.7 keeps counting to the lock', { tag: ['@security'] }, async ({
    customers,
    magento,
    resetFlow,
    config,
  }) => {
    const customer = await customers.create();
    const failRound = (round: number): Promise<void> =>
      test.step(`${FAILURES_PER_ROUND} sign-ins with wrong passwords fail`, async () => {
        for (let attempt = 1; attempt <= FAILURES_PER_ROUND; attempt += 1) {
          expect(await magento.customerToken(customer.email, `Wrong-Pass-${round}-${attempt}`)).toEqualResult(signInFailed);
        }
      });
    await failRound(1);
    await resetFlow.signIn(customer.email, customer.password);
    await failRound(2);
    if (tokenSuccessClearsFailures(config.release)) {
      await test.step('the right password works: the sign-in between reset the count (customer_unlock)', async () => {
        await resetFlow.signInAs(customer, customer.password);
      });
    } else {
      await test.step('the right password is refused: the 10 failures, the sign-in between kept, locked the account', async () => {
        expect(await magento.customerToken(customer.email, customer.password)).toEqualResult(signInFailed);
      });
    }
  });
});
