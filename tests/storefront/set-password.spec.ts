import { advisories, noteAdvisory } from '../../fixtures/advisories.js';
import type { TestCustomer } from '../../fixtures/customers.js';
import type { StoreProfile } from '../../fixtures/store-profile.js';
import { headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import { atSetPasswordForm, opensSetPasswordForm, storefrontCases, test } from '../../fixtures/storefront/test.js';

type Policy = StoreProfile['passwordPolicy'];

interface Refusal {
  readonly title: string;
  readonly shot: string;
  /** The recorded case (both storefront walks) it asserts. */
  readonly recorded: string;
  /** Luma lets these through to the server; the others it refuses first, so they are sent without scripts. */
  readonly passesTheBrowser: boolean;
  readonly password: (customer: TestCustomer, strong: string, policy: Policy) => string;
  readonly confirmation?: (password: string) => string;
  readonly message: (policy: Policy) => string;
}

const refusals: readonly Refusal[] = [
  { title: 'a leading space', shot: 'leading-space', recorded: 'reset-leading-space', passesTheBrowser: true, password: (_, strong) => ` ${strong}`, message: () => storefrontMessages.passwordSpaces },
  { title: 'a trailing space', shot: 'trailing-space', recorded: 'reset-trailing-space', passesTheBrowser: true, password: (_, strong) => `${strong} `, message: () => storefrontMessages.passwordSpaces },
  { title: 'the email', shot: 'equals-email', recorded: 'reset-equals-email', passesTheBrowser: true, password: (customer) => customer.email, message: () => storefrontMessages.passwordEqualsEmail },
  {
    title: 'the email upper-cased (compared case-insensitively)',
    shot: 'equals-email-upper-cased', recorded: 'reset-equals-email-uppercased',
    passesTheBrowser: true,
    password: (customer) => customer.email.toUpperCase(),
    message: () => storefrontMessages.passwordEqualsEmail,
  },
  {
    title: 'a confirmation that differs',
    shot: 'mismatch', recorded: 'reset-mismatch',
    passesTheBrowser: false,
    password: (_, strong) => strong,
    confirmation: (password) => `${password}x`,
    message: () => storefrontMessages.confirmationMismatch,
  },
  {
    title: 'one character under the minimum',
    shot: 'too-short', recorded: 'reset-too-short',
    passesTheBrowser: false,
    password: (_, __, policy) => 'Aa1-'.repeat(policy.minLength).slice(0, policy.minLength - 1),
    message: (policy) => storefrontMessages.passwordTooShort(policy.minLength),
  },
  {
    title: 'one class of characters',
    shot: 'one-class', recorded: 'reset-too-few-classes',
    passesTheBrowser: false,
    password: (_, __, policy) => 'a'.repeat(Math.max(policy.minLength, 10)),
    message: (policy) => storefrontMessages.passwordClasses(policy.requiredClasses),
  },
  { title: 'an empty password', shot: 'empty', recorded: 'reset-empty', passesTheBrowser: false, password: () => '', message: () => storefrontMessages.passwordEmpty },
];

// Every refusal redirects to createPassword/token/<T>/ without the id, which CreatePassword cannot validate:
// the shopper lands on the forgot page with the real error and "Your password reset link has expired.",
// although the link still works. That is stock Magento (recorded in 2.4.7 and 2.4.8), flagged as an advisory.
test.describe('the set-password form refuses, in Magento\'s words (POST /customer/account/resetpasswordpost/)', () => {
  for (const refusal of refusals) {
    test(`a new password with ${refusal.title}`, { tag: ['@negative', '@contract'], annotation: storefrontCases(refusal.recorded) }, async ({
      customers,
      resetFlow,
      shopper,
      setPasswordForm,
      profile,
    }) => {
      const { customer, reset } = await atSetPasswordForm({ customers, resetFlow, shopper });
      const password = refusal.password(customer, resetFlow.newPassword(), profile.passwordPolicy);
      const confirmation = refusal.confirmation?.(password) ?? password;
      const how = refusal.passesTheBrowser ? 'typed (the browser lets it through)' : 'sent without the browser\'s checks';
      await shopper.step(`it is ${how}: the forgot page shows the error and "expired"`, refusal.shot, async () => {
        await (refusal.passesTheBrowser ? setPasswordForm.submit(password, confirmation) : setPasswordForm.submitWithoutScripts(password, confirmation));
        await shopper.expectPage(headings.forgot);
        await shopper.expectMessages({ error: [refusal.message(profile.passwordPolicy), storefrontMessages.linkExpired] });
      });
      noteAdvisory(advisories.storefrontFailureSaysExpired);
      await opensSetPasswordForm(shopper, reset.mail.link.href, 'link-still-works');
    });
  }
});
