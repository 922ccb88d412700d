import { nobody } from '../../fixtures/customers.js';
import { invalidDocuments } from '../../fixtures/magento-graphql/documents.js';
import { graphqlErrors, graphqlValidationErrors } from '../../fixtures/magento-graphql/messages.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';
import { graphqlHttpStatuses } from '../../fixtures/release.js';

/** A bearer that is no token Magento ever issued. */
const GARBAGE_BEARER = 'not-a-token';

test.describe('signing in and out over GraphQL (generateCustomerToken, customer, revokeCustomerToken)', () => {
  test('a wrong password and an unknown email get the same refusal', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-token-wrong-password', 'gql-token-unknown-email', 'x-graphql-token-wrong-password'),
  }, async ({
    customers,
    graphql,
    graphqlAnswers,
  }) => {
    const customer = await customers.create();
    const signInFailed = graphqlAnswers.refused('generateCustomerToken', graphqlErrors.signInFailed);
    expect(await graphql.generateCustomerToken(customer.email, 'Wrong-Pass-1')).toEqualResult(signInFailed);
    expect(await graphql.generateCustomerToken(nobody(), customer.password)).toEqualResult(signInFailed);
  });

  test('an empty email or password is named', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-token-empty-email', 'gql-token-empty-password'),
  }, async ({ customers, graphql, graphqlAnswers }) => {
    const customer = await customers.create();
    expect(await graphql.generateCustomerToken('', customer.password)).toEqualResult(
      graphqlAnswers.refused('generateCustomerToken', graphqlErrors.specify('email')),
    );
    expect(await graphql.generateCustomerToken(customer.email, '')).toEqualResult(
      graphqlAnswers.refused('generateCustomerToken', graphqlErrors.specify('password')),
    );
  });

  test('a guest cannot read a customer or revoke a token', {
    tag: ['@security', '@negative'],
    annotation: asserts('x-graphql-customer-as-guest', 'gql-revoke-as-guest'),
  }, async ({ graphql, graphqlAnswers }) => {
    expect(await graphql.customer()).toEqualResult(graphqlAnswers.refused('customer', graphqlErrors.notAuthorized));
    expect(await graphql.revokeCustomerToken()).toEqualResult(graphqlAnswers.refused('revokeCustomerToken', graphqlErrors.notAuthorized));
  });

  test('a revoked token no longer reads the account: 2.4.8 turns it away, 2.4.7 takes it for a guest', {
    tag: ['@security'],
    annotation: asserts('gql-revoke-token', 'gql-customer-with-revoked-token', 'gql-revoke-revoked-token'),
  }, async ({
    customers,
    graphql,
    graphqlAnswers,
    graphqlFlow,
    config,
  }) => {
    const customer = await customers.create();
    const token = await graphqlFlow.signInAs(customer, customer.password);
    await test.step('the token is revoked', async () => {
      expect(await graphql.revokeCustomerToken(token)).toEqualResult(graphqlAnswers.answered('revokeCustomerToken', { result: true }));
    });
    await test.step(`reading the account or revoking again is refused (${config.release.name})`, async () => {
      const revoked = graphqlHttpStatuses(config.release);
      expect(await graphql.customer(token)).toEqualResult(
        revoked ? graphqlAnswers.turnedAway(graphqlErrors.tokenRevoked) : graphqlAnswers.refused('customer', graphqlErrors.notAuthorized),
      );
      expect(await graphql.revokeCustomerToken(token)).toEqualResult(
        revoked
          ? graphqlAnswers.turnedAway(graphqlErrors.tokenRevoked)
          : graphqlAnswers.refused('revokeCustomerToken', graphqlErrors.notAuthorized),
      );
    });
  });

  test('an unreadable bearer: 2.4.8 turns away even a public query, 2.4.7 takes it for a guest', {
    tag: ['@security', '@negative'],
    annotation: asserts('x-graphql-customer-garbage-bearer', 'x-graphql-public-query-garbage-bearer'),
  }, async ({
    graphql,
    graphqlAnswers,
    config,
  }) => {
    if (graphqlHttpStatuses(config.release)) {
      expect(await graphql.customer(GARBAGE_BEARER)).toEqualResult(graphqlAnswers.turnedAway(graphqlErrors.tokenUnreadable));
      expect(await graphql.storeConfig(GARBAGE_BEARER)).toEqualResult(graphqlAnswers.turnedAway(graphqlErrors.tokenUnreadable));
    } else {
      expect(await graphql.customer(GARBAGE_BEARER)).toEqualResult(graphqlAnswers.refused('customer', graphqlErrors.notAuthorized));
      expect(await graphql.storeConfig(GARBAGE_BEARER)).toEqualResult(
        graphqlAnswers.answered('storeConfig', { store_code: config.storeCode }),
      );
    }
  });

  test('a document the schema does not have is refused by validation, without a category', {
    tag: ['@contract', '@negative'],
    annotation: asserts('x-graphql-schema-error'),
  }, async ({
    graphql,
    graphqlAnswers,
  }) => {
    expect(await graphql.send(invalidDocuments.unknownField)).toEqualResult(
      graphqlAnswers.invalid(invalidDocuments.unknownField, graphqlValidationErrors.unknownField('noSuchField', 'Query')),
    );
  });
});
