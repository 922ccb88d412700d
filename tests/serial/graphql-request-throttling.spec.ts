import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { accepted, refused } from '../../fixtures/magento/result.js';
import { BY_EMAIL, BY_IP_AND_EMAIL, limitResetRequests, STOCK_LIMITS } from '../../fixtures/reset-request-limits.js';
import { graphqlResetRequestsThrottled, restResetRequestsThrottled } from '../../fixtures/release.js';
import { expect, skipUnlessRelease, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

// requestPasswordResetEmail does not go through Magento_Security's request limiter in 2.4.7 and 2.4.8
// (2.4.9 adds it, so there both cases skip): it is never refused and records no request event.
test.describe('reset-request throttling over GraphQL', () => {
  test.describe('2.4.8', () => {
    skipUnlessRelease(
      (release) => restResetRequestsThrottled(release) && !graphqlResetRequestsThrottled(release),
      'the 2.4.8 case: REST is limited by email, GraphQL is not',
    );

    test('limited by email: GraphQL requests are never refused and do not count against REST', {
      tag: ['@security'],
      annotation: asserts(
        '2.4.8-config/cfg-protect-email-graphql-*',
        '2.4.8-config/cfg-protect-email-rest-initiate-after-graphql',
        '2.4.8-config/cfg-protect-email-rest-initiate-2-same-email',
      ),
    }, async ({
      backdoor,
      storeConfig,
      customers,
      graphqlFlow,
      resetFlow,
      profile,
    }) => {
      const customer = await customers.create();
      await limitResetRequests(backdoor, storeConfig, { protection: BY_EMAIL, ...STOCK_LIMITS });
      await graphqlFlow.requestReset(customer);
      await graphqlFlow.requestReset(customer);
      await test.step('a REST request for the same email is still allowed: GraphQL recorded no request', async () => {
        expect(await resetFlow.askForReset(customer.email)).toEqualResult(accepted(true));
      });
      await test.step('a second REST request is refused, naming the store contact', async () => {
        expect(await resetFlow.askForReset(customer.email)).toEqualResult(refused(400, magentoErrors.tooManyResetRequests(profile.contactEmail)));
      });
      await graphqlFlow.requestReset(customer);
      noteAdvisory(advisories.graphqlNotThrottled);
    });
  });

  test.describe('2.4.7', () => {
    skipUnlessRelease(
      (release) => !restResetRequestsThrottled(release) && !graphqlResetRequestsThrottled(release),
      'the 2.4.7 case: under the stock limits GraphQL is not limited',
    );

    test('under the stock limits three GraphQL requests in a row each mail a link', { tag: ['@security'] }, async ({
      backdoor,
      storeConfig,
      customers,
      graphqlFlow,
      mailbox,
    }) => {
      const customer = await customers.create();
      await limitResetRequests(backdoor, storeConfig, { protection: BY_IP_AND_EMAIL, ...STOCK_LIMITS });
      for (let request = 1; request <= 3; request += 1) await graphqlFlow.requestReset(customer);
      expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(3);
      noteAdvisory(advisories.graphqlNotThrottled);
    });
  });
});
