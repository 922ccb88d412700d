import type { TestCustomer } from '../../fixtures/customers.js';
import { nobody } from '../../fixtures/customers.js';
import { FOREIGN_TOKEN } from '../../fixtures/magento/reset-link-contract.js';
import { graphqlErrors, type GraphqlErrorSpec } from '../../fixtures/magento-graphql/messages.js';
import { passwordOfLength, strongPassword } from '../../fixtures/passwords.js';
import { hoursPastExpiry, type StoreProfile } from '../../fixtures/store-profile.js';
import { ageResetToken } from '../../fixtures/token-age.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

type Policy = StoreProfile['passwordPolicy'];

/** The new passwords Magento refuses, with the message it passes through, values filled in (recorded cases). */
const weakPasswords: readonly {
  readonly title: string;
  readonly password: (customer: TestCustomer, policy: Policy) => string;
  readonly refusal: (policy: Policy) => GraphqlErrorSpec;
}[] = [
  {
    title: 'one under the minimum length',
    password: (_, policy) => 'Aa1-'.repeat(policy.minLength).slice(0, policy.minLength - 1),
    refusal: (policy) => graphqlErrors.passwordTooShort(policy.minLength),
  },
  {
    title: 'of too few character classes',
    password: (_, policy) => 'a'.repeat(Math.max(policy.minLength, 10)),
    refusal: (policy) => graphqlErrors.passwordClasses(policy.requiredClasses),
  },
  {
    title: 'with a leading space',
    password: (_, policy) => ` ${strongPassword(policy.minLength)}`,
    refusal: () => graphqlErrors.passwordSpaces,
  },
  { title: 'equal to the email', password: (customer) => customer.email, refusal: () => graphqlErrors.passwordEqualsEmail },
  {
    title: 'one over the maximum length',
    password: (_, policy) => passwordOfLength(policy.maxLength + 1),
    refusal: (policy) => graphqlErrors.passwordTooLong(policy.maxLength),
  },
];

test.describe('setting a new password over GraphQL (resetPassword)', () => {
  test('the email is checked first: empty, then malformed, even with a valid token', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-reset-empty-email', 'gql-reset-malformed-email'),
  }, async ({
    customers,
    graphql,
    graphqlAnswers,
    graphqlFlow,
  }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    for (const [email, error] of [
      ['', graphqlErrors.emailRequired],
      ['not-an-email', graphqlErrors.emailFormat],
    ] as const) {
      await test.step(`email ${JSON.stringify(email)}: "${error.message}"`, async () => {
        const result = await graphql.resetPassword({ email, resetPasswordToken: token, newPassword: 'Strong-Pass-456' });
        expect(result).toEqualResult(graphqlAnswers.refused('resetPassword', error));
      });
    }
    await graphqlFlow.setNewPassword(customer, token);
  });

  test('an empty token, then an empty new password, is "must be specified"', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-reset-empty-token', 'gql-reset-empty-new-password', 'x-graphql-reset-empty-token'),
  }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
  }) => {
    const customer = await customers.create();
    expect(await graphqlFlow.submitPassword(customer, '', '')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.tokenRequired),
    );
    expect(await graphqlFlow.submitPassword(customer, FOREIGN_TOKEN, '')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.newPasswordRequired),
    );
  });

  test('an unknown email cannot have its password set', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-reset-unknown-email'),
  }, async ({ graphql, graphqlAnswers }) => {
    expect(await graphql.resetPassword({ email: nobody(), resetPasswordToken: FOREIGN_TOKEN, newPassword: 'Strong-Pass-456' })).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.cannotSetPassword),
    );
  });

  test('a wrong token is mismatched, checked before the password', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-reset-mismatched-token', 'x-graphql-reset-mismatched-token'),
  }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
  }) => {
    const customer = await customers.create();
    await graphqlFlow.requestReset(customer);
    expect(await graphqlFlow.submitPassword(customer, FOREIGN_TOKEN, 'weak')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.tokenMismatched),
    );
  });

  test("another customer's token is mismatched and stays theirs", { tag: ['@security', '@negative'] }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
  }) => {
    const [owner, other] = [await customers.create(), await customers.create()];
    const { token } = await graphqlFlow.requestReset(owner);
    await graphqlFlow.requestReset(other);
    expect(await graphqlFlow.submitPassword(other, token, 'Strong-Pass-456')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.tokenMismatched),
    );
    await graphqlFlow.setNewPassword(owner, token);
  });

  test('a token is single-use: reusing it after a reset is mismatched', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-reset-reuse-token'),
  }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
  }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    await graphqlFlow.setNewPassword(customer, token);
    expect(await graphqlFlow.submitPassword(customer, token, 'Other-Pass-789')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.tokenMismatched),
    );
  });

  test('a token older than the expiry period is expired', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-request-reset-for-expiry', 'gql-reset-expired-token'),
  }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
    backdoor,
    profile,
  }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    await ageResetToken(backdoor, customer.id, hoursPastExpiry(profile) * 60);
    expect(await graphqlFlow.submitPassword(customer, token, 'Third-Pass-789')).toEqualResult(
      graphqlAnswers.refused('resetPassword', graphqlErrors.tokenExpired),
    );
  });

  test('the email may be upper-cased', { tag: ['@contract'], annotation: asserts('gql-reset-uppercased-email') }, async ({ customers, graphql, graphqlAnswers, graphqlFlow }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    const newPassword = graphqlFlow.newPassword();
    expect(await graphql.resetPassword({ email: customer.email.toUpperCase(), resetPasswordToken: token, newPassword })).toEqualResult(
      graphqlAnswers.answered('resetPassword', true),
    );
    await graphqlFlow.signInAs(customer, newPassword);
  });

  test('weak new passwords are refused with the policy message, and the token still works', {
    tag: ['@contract', '@negative'],
    annotation: asserts('gql-reset-password-*', 'x-graphql-reset-short-password'),
  }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
    profile,
  }) => {
    const customer = await customers.create();
    const { token } = await graphqlFlow.requestReset(customer);
    for (const rule of weakPasswords) {
      await test.step(`a password ${rule.title}`, async () => {
        const newPassword = rule.password(customer, profile.passwordPolicy);
        expect(await graphqlFlow.submitPassword(customer, token, newPassword)).toEqualResult(
          graphqlAnswers.refused('resetPassword', rule.refusal(profile.passwordPolicy)),
        );
      });
    }
    await graphqlFlow.setNewPassword(customer, token);
  });
});
