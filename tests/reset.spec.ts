import { nobody, type TestCustomer } from '../fixtures/customers.js';
import { magentoErrors } from '../fixtures/magento/messages.js';
import { FOREIGN_TOKEN } from '../fixtures/magento/reset-link-contract.js';
import { accepted, refused } from '../fixtures/magento/result.js';
import type { MagentoError } from '../fixtures/magento/schemas.js';
import { passwordOfLength, strongPassword } from '../fixtures/passwords.js';
import { hoursPastExpiry, type StoreProfile } from '../fixtures/store-profile.js';
import { ageResetToken } from '../fixtures/token-age.js';
import { expect, test } from '../fixtures/test.js';
import { asserts } from '../fixtures/transcript-cases.js';

type Policy = StoreProfile['passwordPolicy'];

/** `length` characters cycling through all four classes (works for any length, unlike a random one). */
const cycled = (length: number) => 'Aa1-'.repeat(Math.ceil(length / 4) + 1).slice(0, length);

interface PasswordRule {
  readonly title: string;
  readonly password: (customer: TestCustomer, policy: Policy) => string;
  readonly refusal: (policy: Policy) => MagentoError;
  /** The recorded cases breaking the same rule (none recorded for the combinations). */
  readonly recorded: readonly string[];
}

/** Magento checks, in order: equal to email, too long, too short, edge spaces, classes; the first broken rule answers. */
const passwordRules: readonly PasswordRule[] = [
  {
    title: 'equal to the email (upper-cased: compared case-insensitively, before the class rule it also breaks)',
    password: (customer) => customer.email.toUpperCase(),
    refusal: () => magentoErrors.passwordEqualsEmail,
    recorded: ['reset-password-equals-email-uppercased'],
  },
  {
    title: 'one character over the maximum',
    password: (_, policy) => passwordOfLength(policy.maxLength + 1),
    refusal: (policy) => magentoErrors.passwordTooLong(policy.maxLength),
    recorded: ['reset-password-257-chars'],
  },
  {
    title: 'one character under the minimum',
    password: (_, policy) => cycled(policy.minLength - 1),
    refusal: (policy) => magentoErrors.passwordTooShort(policy.minLength),
    recorded: ['reset-password-too-short'],
  },
  {
    title: 'empty (fails the minimum length)',
    password: () => '',
    refusal: (policy) => magentoErrors.passwordTooShort(policy.minLength),
    recorded: ['x-reset-empty-new-password'],
  },
  {
    title: 'with a leading space',
    password: (_, policy) => ` ${strongPassword(policy.minLength)}`,
    refusal: () => magentoErrors.passwordSpaces,
    recorded: ['reset-password-leading-space'],
  },
  {
    title: 'with a trailing space',
    password: (_, policy) => `${strongPassword(policy.minLength)} `,
    refusal: () => magentoErrors.passwordSpaces,
    recorded: ['x-reset-trailing-space'],
  },
  {
    title: 'with too few character classes',
    password: (_, policy) => 'a'.repeat(Math.max(policy.minLength, 10)),
    refusal: (policy) => magentoErrors.passwordClasses(policy.requiredClasses),
    recorded: ['reset-password-too-few-classes'],
  },
  {
    title: 'too long and of one class: the length answers first',
    password: (_, policy) => 'a'.repeat(policy.maxLength + 1),
    refusal: (policy) => magentoErrors.passwordTooLong(policy.maxLength),
    recorded: [],
  },
  {
    title: 'too short and with a leading space: the length answers first',
    password: (_, policy) => ` ${cycled(policy.minLength - 2)}`,
    refusal: (policy) => magentoErrors.passwordTooShort(policy.minLength),
    recorded: [],
  },
  {
    title: 'with edge spaces and too few classes: the spaces answer first',
    password: (_, policy) => ` ${'a'.repeat(policy.minLength)} `,
    refusal: () => magentoErrors.passwordSpaces,
    recorded: [],
  },
];

test.describe('setting a new password (POST /V1/customers/resetPassword)', () => {
  test('without any field, all three are reported together', {
    tag: ['@contract', '@negative'],
    annotation: asserts('x-reset-missing-all-fields'),
  }, async ({ magento }) => {
    expect(await magento.resetPassword({})).toEqualResult(
      refused(400, magentoErrors.allRequired(['email', 'resetToken', 'newPassword'])),
    );
  });

  test('without newPassword alone, only it is reported', { tag: ['@contract', '@negative'] }, async ({ magento }) => {
    expect(await magento.resetPassword({ email: 'someone@example.com', resetToken: FOREIGN_TOKEN })).toEqualResult(
      refused(400, magentoErrors.required('newPassword')),
    );
  });

  test('an empty email is "required", before any lookup', {
    tag: ['@contract', '@negative'],
    annotation: asserts('reset-empty-email'),
  }, async ({ magento }) => {
    expect(await magento.resetPassword({ email: '', resetToken: FOREIGN_TOKEN, newPassword: 'Strong-Pass-456' })).toEqualResult(
      refused(400, magentoErrors.required('email')),
    );
  });

  test('an unknown email is a 404 naming the store website as a string', {
    tag: ['@contract', '@negative'],
    annotation: asserts('reset-unknown-email'),
  }, async ({
    magento,
    profile,
  }) => {
    const email = nobody();
    expect(await magento.resetPassword({ email, resetToken: '', newPassword: 'x' })).toEqualResult(
      refused(404, magentoErrors.noSuchEmail(email, String(profile.websiteId))),
    );
  });

  test('an empty token is "resetPasswordLinkToken" required', {
    tag: ['@contract', '@negative'],
    annotation: asserts('reset-empty-token'),
  }, async ({ customers, magento }) => {
    const customer = await customers.create();
    expect(await magento.resetPassword({ email: customer.email, resetToken: '', newPassword: 'Strong-Pass-456' })).toEqualResult(
      refused(400, magentoErrors.required('resetPasswordLinkToken')),
    );
  });

  test('a wrong token is mismatched, checked before the password', {
    tag: ['@security', '@negative'],
    annotation: asserts('reset-mismatched-token'),
  }, async ({
    customers,
    resetFlow,
  }) => {
    const customer = await customers.create();
    await resetFlow.requestReset(customer);
    expect(await resetFlow.submitPassword(customer, FOREIGN_TOKEN, 'weak')).toEqualResult(refused(400, magentoErrors.tokenMismatched));
  });

  test("another customer's token is mismatched and stays theirs", {
    tag: ['@security', '@negative'],
    annotation: asserts('reset-foreign-token'),
  }, async ({
    customers,
    magento,
    resetFlow,
  }) => {
    const owner = await customers.create();
    const victim = await customers.create();
    const { token } = await resetFlow.requestReset(owner);
    await test.step("the owner's token with the other customer's email is refused", async () => {
      expect(await resetFlow.submitPassword(victim, token, resetFlow.newPassword())).toEqualResult(
        refused(400, magentoErrors.tokenMismatched),
      );
    });
    await test.step("the victim's password is unchanged and the owner's token still valid", async () => {
      await resetFlow.signIn(victim.email, victim.password);
      expect(await magento.validateResetToken(owner.id, token)).toEqualResult(accepted(true));
    });
  });

  test('a token superseded by a newer request is mismatched; the newer one works', {
    tag: ['@security'],
    annotation: asserts('superseded-*'),
  }, async ({
    customers,
    resetFlow,
  }) => {
    const customer = await customers.create();
    const first = await resetFlow.requestReset(customer);
    const second = await resetFlow.requestReset(customer, { template: 'email_reminder' });
    const newPassword = resetFlow.newPassword();
    expect(await resetFlow.submitPassword(customer, first.token, newPassword)).toEqualResult(refused(400, magentoErrors.tokenMismatched));
    await resetFlow.setNewPassword(customer, second.token, newPassword);
  });

  test('a token is single-use: reusing it after a reset is mismatched', {
    tag: ['@security'],
    annotation: asserts('reset-success', 'reset-reuse-token'),
  }, async ({ customers, resetFlow }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await resetFlow.setNewPassword(customer, token);
    await test.step('the same token again is mismatched', async () => {
      expect(await resetFlow.submitPassword(customer, token, resetFlow.newPassword())).toEqualResult(
        refused(400, magentoErrors.tokenMismatched),
      );
    });
  });

  test('a token older than the expiry period is expired, even with a weak password', {
    tag: ['@security'],
    annotation: asserts('x-reset-expired-token', 'x-reset-expired-token-weak-password'),
  }, async ({
    customers,
    resetFlow,
    backdoor,
    profile,
  }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await ageResetToken(backdoor, customer.id, hoursPastExpiry(profile) * 60);
    const expired = refused(400, magentoErrors.tokenExpired);
    expect(await resetFlow.submitPassword(customer, token, resetFlow.newPassword())).toEqualResult(expired);
    expect(await resetFlow.submitPassword(customer, token, 'weak')).toEqualResult(expired);
  });

  test('a token one minute short of the expiry period still works', { tag: ['@contract'] }, async ({
    customers,
    resetFlow,
    backdoor,
    profile,
  }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await ageResetToken(backdoor, customer.id, profile.passwordPolicy.expiryHours * 60 - 1);
    expect(await resetFlow.submitPassword(customer, token, resetFlow.newPassword())).toEqualResult(accepted(true));
  });

  for (const rule of passwordRules) {
    test(`a new password ${rule.title} is refused`, {
      tag: ['@contract', '@negative'],
      annotation: asserts(...rule.recorded),
    }, async ({ customers, resetFlow, profile }) => {
      const policy = profile.passwordPolicy;
      const customer = await customers.create();
      const { token } = await resetFlow.requestReset(customer);
      expect(await resetFlow.submitPassword(customer, token, rule.password(customer, policy))).toEqualResult(
        refused(400, rule.refusal(policy)),
      );
    });
  }

  test('a password of exactly the maximum length is accepted and signs in', {
    tag: ['@contract'],
    annotation: asserts('x-reset-exactly-256-chars', 'x-customer-token-after-256-reset'),
  }, async ({
    customers,
    resetFlow,
    profile,
  }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = passwordOfLength(profile.passwordPolicy.maxLength);
    expect(await resetFlow.submitPassword(customer, token, newPassword)).toEqualResult(accepted(true));
    await resetFlow.signInAs(customer, newPassword);
  });

  test('a refused weak password leaves the token usable', { tag: ['@contract'] }, async ({ customers, resetFlow, profile }) => {
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    await test.step('"weak" is refused as too short', async () => {
      expect(await resetFlow.submitPassword(customer, token, 'weak')).toEqualResult(
        refused(400, magentoErrors.passwordTooShort(profile.passwordPolicy.minLength)),
      );
    });
    await resetFlow.setNewPassword(customer, token);
  });
});
