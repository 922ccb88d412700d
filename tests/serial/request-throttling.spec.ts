import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import { nobody } from '../../fixtures/customers.js';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { refused } from '../../fixtures/magento/result.js';
import { BY_EMAIL, BY_IP, BY_IP_AND_EMAIL, limitResetRequests, STOCK_LIMITS } from '../../fixtures/reset-request-limits.js';
import { expect, skipUnlessVersion, test } from '../../fixtures/test.js';

test.describe('reset-request throttling over REST', () => {
  test.describe('2.4.8 limits REST requests', () => {
    skipUnlessVersion('2.4.8', 'REST reset requests are throttled only from 2.4.8');

    test('by IP and email: a second request within 10 minutes is refused, whatever the email', { tag: ['@security'] }, async ({
      backdoor,
      storeConfig,
      customers,
      magento,
      resetFlow,
      profile,
    }) => {
      const customer = await customers.create();
      await limitResetRequests(backdoor, storeConfig, { protection: BY_IP_AND_EMAIL, ...STOCK_LIMITS });
      await resetFlow.requestReset(customer);
      const tooMany = refused(400, magentoErrors.tooManyResetRequests(profile.contactEmail));
      await test.step('the same email again is refused, naming the store contact', async () => {
        expect(await resetFlow.askForReset(customer.email)).toEqualResult(tooMany);
      });
      await test.step('an unknown email from the same IP is refused too (the limit runs before the lookup)', async () => {
        expect(await resetFlow.askForReset(nobody())).toEqualResult(tooMany);
      });
      await test.step('an empty body still gets the required-fields error (input checks come first)', async () => {
        expect(await magento.initiatePasswordReset({})).toEqualResult(refused(400, magentoErrors.allRequired(['email', 'template'])));
      });
    });

    // two customers; the first asks for a reset, then a second request is refused, and (by email only) the other still gets one
    for (const { title, protection, refusedFor, stillMailed } of [
      { title: 'by email: the same email is limited, another one is not', protection: BY_EMAIL, refusedFor: 'first', stillMailed: 'second' },
      { title: 'by IP: another email from the same IP is limited', protection: BY_IP, refusedFor: 'second', stillMailed: undefined },
    ] as const) {
      test(title, { tag: ['@security'] }, async ({ backdoor, storeConfig, customers, resetFlow, profile }) => {
        const customer = { first: await customers.create(), second: await customers.create() };
        await limitResetRequests(backdoor, storeConfig, { protection, ...STOCK_LIMITS });
        await resetFlow.requestReset(customer.first);
        await test.step(`a request for the ${refusedFor} customer is refused, naming the store contact`, async () => {
          expect(await resetFlow.askForReset(customer[refusedFor].email)).toEqualResult(
            refused(400, magentoErrors.tooManyResetRequests(profile.contactEmail)),
          );
        });
        if (stillMailed !== undefined) await resetFlow.requestReset(customer[stillMailed]);
      });
    }

    test('at most 2 per hour: the third request is refused, for any email', { tag: ['@security'] }, async ({
      backdoor,
      storeConfig,
      customers,
      resetFlow,
      profile,
    }) => {
      const customer = await customers.create();
      await limitResetRequests(backdoor, storeConfig, { protection: BY_IP_AND_EMAIL, maxPerHour: '2', minMinutesBetween: '0' });
      await resetFlow.requestReset(customer);
      await resetFlow.requestReset(customer);
      await test.step('a third request is refused, for the same email and for an unknown one', async () => {
        const tooMany = refused(400, magentoErrors.tooManyResetRequests(profile.contactEmail));
        expect(await resetFlow.askForReset(customer.email)).toEqualResult(tooMany);
        expect(await resetFlow.askForReset(nobody())).toEqualResult(tooMany);
      });
    });
  });

  test.describe('2.4.7 does not', () => {
    skipUnlessVersion('2.4.7', '2.4.8 throttles REST reset requests (see above)');

    test('under the stock limits three requests in a row each mail a link', { tag: ['@security'] }, async ({
      backdoor,
      storeConfig,
      customers,
      resetFlow,
      mailbox,
    }) => {
      const customer = await customers.create();
      await limitResetRequests(backdoor, storeConfig, { protection: BY_IP_AND_EMAIL, ...STOCK_LIMITS });
      for (let request = 1; request <= 3; request += 1) await resetFlow.requestReset(customer);
      expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(3);
      noteAdvisory(advisories.noRestThrottle247);
    });
  });
});
