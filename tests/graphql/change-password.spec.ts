import { graphqlErrors } from '../../fixtures/magento-graphql/messages.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

/** The mail Magento sends when a signed-in customer changes the password (customer_password_reset_password_template). */
const passwordChangedSubject = (storeName: string) => `Your ${storeName} password has been changed`;

test.describe('changing the password when signed in over GraphQL (changeCustomerPassword)', () => {
  test('a guest is not authorized', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-change-password-as-guest'),
  }, async ({ customers, graphql, graphqlAnswers }) => {
    const customer = await customers.create();
    expect(await graphql.changeCustomerPassword(undefined, customer.password, 'Changed-Pass-456')).toEqualResult(
      graphqlAnswers.refused('changeCustomerPassword', graphqlErrors.notAuthorized),
    );
  });

  test('a wrong, empty or weak password is refused, each with its own message', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-change-setup-token', 'gql-change-password-wrong-current', 'gql-change-password-empty-current', 'gql-change-password-weak-new'),
  }, async ({
    customers,
    graphql,
    graphqlAnswers,
    graphqlFlow,
    profile,
  }) => {
    const customer = await customers.create();
    const token = await graphqlFlow.signIn(customer.email, customer.password);
    const minLength = profile.passwordPolicy.minLength;
    for (const [title, current, next, error] of [
      ['a wrong current password', 'Nope-Nope-123', 'Changed-Pass-456', graphqlErrors.invalidLogin],
      ['an empty current password', '', 'Changed-Pass-456', graphqlErrors.specify('currentPassword')],
      ['a new password under the minimum', customer.password, 'Ab1-', graphqlErrors.passwordTooShort(minLength)],
    ] as const) {
      await test.step(title, async () => {
        expect(await graphql.changeCustomerPassword(token, current, next)).toEqualResult(
          graphqlAnswers.refused('changeCustomerPassword', error),
        );
      });
    }
  });

  test('the right current password changes it: a mail says so, the new one signs in, and the old token keeps working', {
    tag: ['@security'],
    annotation: asserts('gql-change-password-success', 'gql-customer-with-token-after-change', 'gql-token-after-change-new-password'),
  }, async ({ customers, graphql, graphqlAnswers, graphqlFlow, mailbox, profile }) => {
    const customer = await customers.create();
    const token = await graphqlFlow.signIn(customer.email, customer.password);
    const newPassword = graphqlFlow.newPassword();
    await test.step('the password is changed', async () => {
      expect(await graphql.changeCustomerPassword(token, customer.password, newPassword)).toEqualResult(
        graphqlAnswers.answered('changeCustomerPassword', { email: customer.email }),
      );
    });
    await test.step('the customer is told by mail', () => mailbox.next(customer.email, passwordChangedSubject(profile.storeName)));
    await test.step('the token from before still reads the account (a change revokes nothing)', async () => {
      expect(await graphql.customer(token)).toEqualResult(graphqlAnswers.answered('customer', { email: customer.email }));
    });
    await graphqlFlow.signInAs(customer, newPassword);
    expect(await graphql.generateCustomerToken(customer.email, customer.password)).toEqualResult(
      graphqlAnswers.refused('generateCustomerToken', graphqlErrors.signInFailed),
    );
  });
});
