import { test } from '../../fixtures/test.js';

// Both APIs run the same AccountManagement code: a token mailed through one resets through the other.
test.describe('one reset across REST and GraphQL', () => {
  test('a token mailed after a GraphQL request resets over REST', { tag: ['@contract'] }, async ({ customers, graphqlFlow, resetFlow }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    const newPassword = await resetFlow.setNewPassword(customer, token);
    await resetFlow.signInAs(customer, newPassword);
  });

  test('a token mailed after a REST request resets over GraphQL, and REST signs in with the new password', { tag: [
    '@contract',
  ] }, async ({ customers, graphqlFlow, resetFlow }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = await graphqlFlow.setNewPassword(customer, token);
    await graphqlFlow.signInAs(customer, newPassword);
    await resetFlow.signInAs(customer, newPassword);
  });
});
