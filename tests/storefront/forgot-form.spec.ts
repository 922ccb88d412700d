import { nobody } from '../../fixtures/customers.js';
import { headings, storefrontMessages } from '../../fixtures/storefront/messages.js';
import { expect, storefrontCases, test } from '../../fixtures/storefront/test.js';

// The forgot form answers known and unknown addresses alike: the storefront does not tell who has an
// account (REST does: see the accountEnumeration advisory). Mail is sent before the answer (synchronously),
// so once a later mail has arrived, a mail that was going to come would be there too.
test.describe('the forgot form (POST /customer/account/forgotpasswordpost/)', () => {
  test('a known and an unknown email get the same answer, and only the known one is mailed', { tag: ['@security', '@contract'], annotation: storefrontCases('forgot-post-valid', 'forgot-post-unknown') }, async ({
    customers,
    forgotForm,
    shopper,
    mailbox,
  }) => {
    const customer = await customers.create();
    const unknown = nobody();
    mailbox.own(unknown);
    for (const email of [unknown, customer.email]) {
      await shopper.step(`${email} is sent: the sign-in page says a link was mailed if the account exists`, `requested-${email === unknown ? 'unknown' : 'known'}`, async () => {
        await forgotForm.openWithoutCaptcha();
        await forgotForm.submit(email);
        await shopper.expectPage(headings.login);
        await shopper.expectMessages({ success: [storefrontMessages.resetRequested(email)] });
      });
    }
    await test.step('the known customer gets the reset mail, with a link for that account', async () => {
      const mail = await mailbox.nextResetMail(customer.email);
      expect(mail.link.id).toBe(String(customer.id));
    });
    await test.step('the unknown address got nothing', async () => {
      expect(await mailbox.list(unknown)).toStrictEqual([]);
    });
  });

  test('an upper-cased email is echoed as typed and mailed to the stored address', { tag: ['@contract'], annotation: storefrontCases('forgot-post-uppercased') }, async ({
    customers,
    forgotForm,
    shopper,
    mailbox,
  }) => {
    const customer = await customers.create();
    const typed = customer.email.toUpperCase();
    await shopper.step('the upper-cased email is sent', 'requested-upper-cased', async () => {
      await forgotForm.openWithoutCaptcha();
      await forgotForm.submit(typed);
      await shopper.expectMessages({ success: [storefrontMessages.resetRequested(typed)] });
    });
    await test.step('the reset mail goes to the stored (lower-case) address', async () => {
      const mail = await mailbox.nextResetMail(customer.email);
      expect(mail.to.map((to) => to.address)).toStrictEqual([customer.email]);
    });
  });

  // What the server says when the browser's own check is not there to stop the input (a client without scripts).
  for (const { title, email, message, shot, recorded } of [
    { title: 'a malformed email is refused, and the form keeps it', email: 'not-an-email', message: storefrontMessages.emailIncorrect, shot: 'malformed-email', recorded: 'forgot-post-invalid-format' },
    { title: 'an empty email is refused', email: '', message: storefrontMessages.emailEmpty, shot: 'empty-email', recorded: 'forgot-post-empty' },
  ]) {
    test(`sent without the browser's checks, ${title}`, { tag: ['@negative', '@contract'], annotation: storefrontCases(recorded) }, async ({ forgotForm, shopper }) => {
      await forgotForm.openWithoutCaptcha();
      await shopper.step('the form is sent as is: back on the forgot page with the error', shot, async () => {
        await forgotForm.submitWithoutScripts(email);
        await shopper.expectPage(headings.forgot);
        await shopper.expectMessages({ error: [message] });
        expect(shopper.location()).toBe('/customer/account/forgotpassword/');
      });
      await expect(shopper.page.locator(shopper.theme.forgot.email)).toHaveValue(email);
    });
  }

  for (const formKey of ['a wrong one', 'none'] as const) {
    test(`with ${formKey === 'none' ? 'no form key' : 'a wrong form key'} nothing is mailed and the shopper is told to refresh`, { tag: ['@security', '@negative'], annotation: storefrontCases(formKey === 'none' ? 'forgot-post-missing-form-key' : 'forgot-post-wrong-form-key') }, async ({
      customers,
      forgotForm,
      shopper,
      mailbox,
      resetFlow,
    }) => {
      const customer = await customers.create();
      await forgotForm.openWithoutCaptcha();
      await shopper.step('the form is sent: back on the page it came from (the referer), "Invalid Form Key"', 'invalid-form-key', async () => {
        await forgotForm.submitWithoutScripts(customer.email, formKey);
        await shopper.expectMessages({ error: [storefrontMessages.invalidFormKey] });
        expect(shopper.location()).toBe('/customer/account/forgotpassword/');
      });
      await test.step('no reset mail came: the next one is the only one', async () => {
        await resetFlow.requestReset(customer);
        expect(await mailbox.list(customer.email, mailbox.resetSubject)).toHaveLength(1);
      });
    });
  }
});
