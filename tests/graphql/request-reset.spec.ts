import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import { nobody } from '../../fixtures/customers.js';
import { graphqlErrors } from '../../fixtures/magento-graphql/messages.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';
import { resetLinkCarriesEmail } from '../../fixtures/release.js';

test.describe('requesting a reset over GraphQL (requestPasswordResetEmail)', () => {
  test('an unknown email is refused, so GraphQL too tells which accounts exist', {
    tag: ['@security', '@negative'],
    annotation: asserts('gql-request-reset-unknown-email', 'x-graphql-request-reset-unknown'),
  }, async ({
    graphql,
    graphqlAnswers,
    mailbox,
  }) => {
    const email = nobody();
    expect(await graphql.requestPasswordResetEmail(email)).toEqualResult(
      graphqlAnswers.refused('requestPasswordResetEmail', graphqlErrors.cannotReset),
    );
    expect(await mailbox.list(email)).toHaveLength(0);
    noteAdvisory(advisories.graphqlAccountEnumeration);
  });

  for (const { title, email, error, recorded } of [
    {
      title: 'an empty email is refused before any lookup',
      email: '',
      error: graphqlErrors.emailRequired,
      recorded: ['gql-request-reset-empty-email', 'x-graphql-request-reset-empty'],
    },
    {
      title: 'a malformed email is refused before any lookup',
      email: 'not-an-email',
      error: graphqlErrors.emailFormat,
      recorded: ['gql-request-reset-malformed-email', 'x-graphql-request-reset-bad-format'],
    },
  ]) {
    test(title, { tag: ['@contract', '@negative'], annotation: asserts(...recorded) }, async ({ graphql, graphqlAnswers }) => {
      expect(await graphql.requestPasswordResetEmail(email)).toEqualResult(graphqlAnswers.refused('requestPasswordResetEmail', error));
    });
  }

  test('an upper-cased email mails the stored address a working link', {
    tag: ['@contract'],
    annotation: asserts('gql-request-reset-uppercased-email'),
  }, async ({
    customers,
    graphql,
    graphqlAnswers,
    graphqlFlow,
    mailbox,
    config,
  }) => {
    const customer = await customers.create();
    await test.step('the request with the email upper-cased is accepted', async () => {
      expect(await graphql.requestPasswordResetEmail(customer.email.toUpperCase())).toEqualResult(
        graphqlAnswers.answered('requestPasswordResetEmail', true),
      );
    });
    const mail = await mailbox.nextResetMail(customer.email);
    expect(mail.to.map((to) => to.address)).toStrictEqual([customer.email]);
    expect(mail.link.email).toBe(resetLinkCarriesEmail(config.release) ? customer.email : undefined);
    await graphqlFlow.setNewPassword(customer, String(mail.link.token));
  });

  test('each request mails exactly one link, and only the newest token resets', { tag: ['@security'] }, async ({
    customers,
    graphqlAnswers,
    graphqlFlow,
    mailbox,
  }) => {
    const customer = await customers.create();
    const first = await graphqlFlow.requestReset(customer);
    const second = await graphqlFlow.requestReset(customer);
    expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(2);
    await test.step('the first token was replaced by the second', async () => {
      const result = await graphqlFlow.submitPassword(customer, first.token, 'Strong-Pass-456');
      expect(result).toEqualResult(graphqlAnswers.refused('resetPassword', graphqlErrors.tokenMismatched));
    });
    await graphqlFlow.setNewPassword(customer, second.token);
  });
});
