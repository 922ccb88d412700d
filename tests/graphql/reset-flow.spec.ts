import { resetLinkKeys } from '../../fixtures/magento/reset-link-contract.js';
import { graphqlErrors } from '../../fixtures/magento-graphql/messages.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

test('a customer resets a forgotten password over GraphQL through the mailed link', {
  tag: ['@smoke'],
  annotation: asserts(
    'gql-request-reset-existing-email',
    'gql-reset-success',
    'gql-token-right-password',
    'gql-customer-with-token',
    'x-graphql-request-reset-valid',
    'x-graphql-reset-success',
    'x-graphql-token-right-password',
    'x-graphql-customer-with-token',
  ),
}, async ({
  customers,
  graphql,
  graphqlAnswers,
  graphqlFlow,
  profile,
  config,
}) => {
  const customer = await test.step('a customer exists with a known password', () => customers.create());
  const { mail, token } = await graphqlFlow.requestReset(customer);

  await test.step('the same reset mail as over REST reaches that customer, with the link to the password page', () => {
    expect(mail.to).toStrictEqual([{ name: `${customer.firstname} ${customer.lastname}`, address: customer.email }]);
    expect(mail.from).toStrictEqual({ name: profile.sender.name, address: profile.sender.email });
    expect(mail.link.target).toBe(`${profile.resetLink.baseUrl}${profile.resetLink.path}`);
    expect(mail.link.keys).toStrictEqual(resetLinkKeys(config.release));
    expect(mail.link.id).toBe(String(customer.id));
  });

  const newPassword = await graphqlFlow.setNewPassword(customer, token);
  await graphqlFlow.signInAs(customer, newPassword);

  await test.step('the old password no longer signs in', async () => {
    expect(await graphql.generateCustomerToken(customer.email, customer.password)).toEqualResult(
      graphqlAnswers.refused('generateCustomerToken', graphqlErrors.signInFailed),
    );
  });
});
