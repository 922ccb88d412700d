import { fieldErrors } from '../../fixtures/storefront/messages.js';
import { atSetPasswordForm, test } from '../../fixtures/storefront/test.js';

// Luma's jQuery validation stops these before any request: each is asserted by the text under the field
// and by the page having sent nothing (page.on('request')).
test.describe('the browser refuses weak input before sending it', () => {
  test('the forgot form: an empty and a malformed email', { tag: ['@negative'] }, async ({ forgotForm, shopper }) => {
    await forgotForm.open();
    await shopper.step('an empty email: "This is a required field."', 'forgot-empty-refused', () => forgotForm.submitRefused('', fieldErrors.required));
    await shopper.step('a malformed email: "Please enter a valid email address"', 'forgot-malformed-refused', () =>
      forgotForm.submitRefused('not-an-email', fieldErrors.email),
    );
  });

  test('the set-password form: empty, short, too few classes, a confirmation that differs', { tag: ['@negative'] }, async ({
    customers,
    resetFlow,
    shopper,
    setPasswordForm,
    profile,
  }) => {
    const { minLength, requiredClasses } = profile.passwordPolicy;
    await atSetPasswordForm({ customers, resetFlow, shopper });
    const strong = resetFlow.newPassword();
    const oneClass = 'a'.repeat(Math.max(minLength, 12));
    const cases = [
      { title: 'both empty: both required', shot: 'empty-refused', password: '', confirmation: '', errors: { password: fieldErrors.required, confirmation: fieldErrors.required } },
      { title: `"abc": under ${minLength} characters`, shot: 'short-refused', password: 'abc', confirmation: 'abc', errors: { password: fieldErrors.minLength(minLength) } },
      { title: `one class of characters: ${requiredClasses} needed`, shot: 'one-class-refused', password: oneClass, confirmation: oneClass, errors: { password: fieldErrors.classes(requiredClasses) } },
      { title: 'a confirmation that differs', shot: 'mismatch-refused', password: strong, confirmation: `${strong}x`, errors: { confirmation: fieldErrors.confirmation } },
    ];
    for (const { title, shot, password, confirmation, errors } of cases) {
      await shopper.step(title, shot, () => setPasswordForm.submitRefused(password, confirmation, errors));
    }
  });
});
