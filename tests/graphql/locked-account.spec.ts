import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import { accepted } from '../../fixtures/magento/result.js';
import { graphqlErrors } from '../../fixtures/magento-graphql/messages.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

/** As recorded: 10 failures, locked for 10 more minutes. */
const LOCK = { failures: 10, seconds: 600 } as const;

test.describe('a locked account over GraphQL', () => {
  test('can neither request nor complete a reset, though REST completes it with the same token and unlocks', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-locked-setup-request-reset', 'gql-locked-request-reset', 'gql-locked-reset-password'),
  }, async ({ customers, backdoor, graphql, graphqlAnswers, graphqlFlow, resetFlow }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    await test.step(`the account is locked (${LOCK.failures} failures, ${LOCK.seconds / 60} more minutes)`, () =>
      backdoor.lockAccount(customer.id, LOCK.failures, LOCK.seconds),
    );
    await test.step('a reset request is refused: "The account is locked", an input error', async () => {
      expect(await graphql.requestPasswordResetEmail(customer.email)).toEqualResult(
        graphqlAnswers.refused('requestPasswordResetEmail', graphqlErrors.accountLockedInput),
      );
    });
    const newPassword = graphqlFlow.newPassword();
    await test.step('the valid token is refused too', async () => {
      expect(await graphqlFlow.submitPassword(customer, token, newPassword)).toEqualResult(
        graphqlAnswers.refused('resetPassword', graphqlErrors.accountLockedInput),
      );
    });
    noteAdvisory(advisories.graphqlLockBlocksReset);
    await test.step('over REST the same token sets the password', async () => {
      expect(await resetFlow.submitPassword(customer, token, newPassword)).toEqualResult(accepted(true));
    });
    await graphqlFlow.signInAs(customer, newPassword);
  });

  test('signs in with no password, and its valid token no longer reads the account or changes its password', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-locked-change-setup-token', 'gql-locked-token-right-password', 'gql-locked-customer-with-token', 'gql-locked-change-password-*'),
  }, async ({ customers, backdoor, graphql, graphqlAnswers, graphqlFlow }) => {
    const customer = await customers.create();
    const token = await graphqlFlow.signIn(customer.email, customer.password);
    await test.step(`the account is locked (${LOCK.failures} failures, ${LOCK.seconds / 60} more minutes)`, () =>
      backdoor.lockAccount(customer.id, LOCK.failures, LOCK.seconds),
    );
    await test.step('the right password gets the generic sign-in refusal', async () => {
      expect(await graphql.generateCustomerToken(customer.email, customer.password)).toEqualResult(
        graphqlAnswers.refused('generateCustomerToken', graphqlErrors.signInFailed),
      );
    });
    await test.step('the token issued before the lock: "The account is locked.", an authentication error', async () => {
      expect(await graphql.customer(token)).toEqualResult(graphqlAnswers.refused('customer', graphqlErrors.accountLocked));
    });
    await test.step('changing the password is refused with a wrong and with the right current password', async () => {
      for (const current of ['Nope-Nope-123', customer.password]) {
        expect(await graphql.changeCustomerPassword(token, current, 'Changed-Pass-456')).toEqualResult(
          graphqlAnswers.refused('changeCustomerPassword', graphqlErrors.accountLocked),
        );
      }
    });
  });
});
