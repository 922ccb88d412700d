// reCAPTCHA on the web APIs (HARDENED.md §3): on a store where a form's protection is on, its REST calls
// refuse guests, admin bearers and customer bearers alike with the same 400; only an integration's access
// token (MAGENTO_ADMIN_TOKEN, bearer option on) gets through. Elsewhere these tests skip, saying why.
import { requestAdminToken } from '../../fixtures/admin-auth.js';
import { nobody } from '../../fixtures/customers.js';
import type { RecaptchaForm } from '../../fixtures/magento/client.js';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { accepted, refused, type MagentoResult } from '../../fixtures/magento/result.js';
import { recaptchaPath } from '../../fixtures/recaptcha.js';
import { expect, skipTest, test } from '../../fixtures/test.js';

const recaptchaFailed = refused(400, magentoErrors.recaptchaFailed);

/** A caller the protection refuses: its name and the bearer it sends (`null`: none). */
type Caller = { readonly who: string; readonly bearer: string | null };

const protectedTest = test.extend<{ form: RecaptchaForm; refusedCallers: Caller[]; integrationToken: string }>({
  form: ['customer_forgot_password', { option: true }],
  integrationToken: async ({ config }, use) => use(config.adminToken ?? ''),
  // Skips unless the form is protected; then a guest, a customer bearer and, where one can be had, an admin JWT.
  refusedCallers: async ({ form, recaptchaForms, config, customers, magento }, use) => {
    if (!recaptchaForms.includes(form)) {
      skipTest(`reCAPTCHA is off for ${form} on ${config.magentoBaseUrl} (${recaptchaPath(form)} is empty): run against a store with it on, e.g. EMULATOR_RECAPTCHA=${form} npm run stack`);
      return;
    }
    const someone = await customers.create();
    const customerToken = await magento.customerToken(someone.email, someone.password);
    if (!customerToken.ok) throw new Error(`no customer token for ${someone.email}: ${customerToken.status} ${customerToken.body.message}`);
    const callers: Caller[] = [
      { who: 'a guest', bearer: null },
      { who: 'a customer bearer', bearer: customerToken.body },
    ];
    const admin = await requestAdminToken(magento, { ...config, adminToken: undefined });
    if (admin.ok) callers.push({ who: 'an admin bearer', bearer: admin.body });
    else console.log(`"${test.info().title}": no admin JWT to try (${admin.status} ${admin.body.message}); the admin case is left out`);
    await use(callers);
  },
});

protectedTest.describe('reCAPTCHA-protected web APIs', { tag: ['@security', '@negative'] }, () => {
  protectedTest.describe(() => {
    protectedTest.use({ form: 'customer_forgot_password' });
    protectedTest('forgot password: a reset is requested and set only through the integration token', async ({
      refusedCallers,
      integrationToken,
      magento,
      customers,
      mailbox,
      resetFlow,
      profile,
    }) => {
      const customer = await customers.create();
      const request = { email: customer.email, template: 'email_reset', websiteId: profile.websiteId };
      for (const { who, bearer } of refusedCallers) {
        await protectedTest.step(`${who} asking for a reset is refused`, async () => {
          expect(await magento.initiatePasswordReset(request, bearer)).toEqualResult(recaptchaFailed);
        });
      }
      const { token } = await protectedTest.step('the integration token asks for a reset and the mail comes', async () => {
        expect(await magento.initiatePasswordReset(request, integrationToken)).toEqualResult(accepted(true));
        return (await mailbox.nextResetMail(customer.email)).link;
      });
      const newPassword = resetFlow.newPassword();
      const reset = { email: customer.email, resetToken: String(token), newPassword };
      for (const { who, bearer } of refusedCallers) {
        await protectedTest.step(`${who} setting the password with the mailed token is refused`, async () => {
          expect(await magento.resetPassword(reset, bearer)).toEqualResult(recaptchaFailed);
        });
      }
      await protectedTest.step('the integration token sets it', async () => {
        expect(await magento.resetPassword(reset, integrationToken)).toEqualResult(accepted(true));
      });
      await resetFlow.signInAs(customer, newPassword);
    });
  });

  protectedTest.describe(() => {
    protectedTest.use({ form: 'customer_login' });
    protectedTest('sign-in: a customer token is issued only through the integration token', async ({
      refusedCallers,
      integrationToken,
      magento,
      customers,
    }) => {
      const customer = await customers.create();
      for (const { who, bearer } of refusedCallers) {
        await protectedTest.step(`${who} asking for a customer token is refused`, async () => {
          expect(await magento.customerToken(customer.email, customer.password, bearer)).toEqualResult(recaptchaFailed);
        });
      }
      await protectedTest.step('the integration token gets one, and it reads that customer', async () => {
        const token = await magento.customerToken(customer.email, customer.password, integrationToken);
        expect(token.ok, 'the customer token through the integration').toBe(true);
        const me = await magento.me(token.ok ? token.body : '');
        expect(me.ok && me.body.id).toBe(customer.id);
      });
    });
  });

  protectedTest.describe(() => {
    protectedTest.use({ form: 'customer_create' });
    protectedTest('account creation: only the integration token creates a customer', async ({
      refusedCallers,
      integrationToken,
      magento,
      customers,
      profile,
    }) => {
      for (const { who, bearer } of refusedCallers) {
        await protectedTest.step(`${who} creating an account is refused`, async () => {
          const account = { email: nobody(), firstname: 'Cre', lastname: 'Ate', websiteId: profile.websiteId };
          const answer: MagentoResult<unknown> = await magento.createCustomer(bearer, account, 'Initial-Pass-123');
          // an account wrongly created is removed again, so the failure leaves nothing behind
          if (answer.ok) await magento.deleteCustomer(integrationToken, (answer.body as { id: number }).id);
          expect(answer).toEqualResult(recaptchaFailed);
        });
      }
      await protectedTest.step('the integration token creates one', async () => {
        const created = await customers.create();
        expect(created.id).toBeGreaterThan(0);
      });
    });
  });
});
