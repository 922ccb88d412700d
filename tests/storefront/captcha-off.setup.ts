// Before the storefront specs: where the forgot form shows a CAPTCHA, or reCAPTCHA protects the forgot or sign-in
// form, and a backdoor can change config, each is switched off for the run in one batch (captcha-restore.teardown.ts
// restores them). Without a backdoor they stay, and the tests that need the forms skip, naming the config
// (fixtures/storefront/captcha.ts).
import { CAPTCHA_ENABLE, CAPTCHA_SKIP_REASON, RECAPTCHA_FORGOT, RECAPTCHA_LOGIN, recaptchaSkipReason } from '../../fixtures/storefront/captcha.js';
import { expect, test as setup } from '../../fixtures/test.js';

/** Magento's own markup, whatever the theme: the Captcha module's field and ReCaptchaFrontendUi's container. */
const CAPTCHA_FIELD = 'captcha[user_forgotpassword]';
const RECAPTCHA_WIDGET = 'class="field-recaptcha"';

async function pageHtml(baseUrl: string, path: string): Promise<string> {
  const response = await fetch(`${baseUrl}/${path}`, { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`GET ${baseUrl}/${path} answered ${response.status}: is the storefront up?`);
  return response.text();
}

/** What stands in a browser test's way, as the config that switches each off. */
async function protections(baseUrl: string): Promise<Record<string, { off: string; skipReason: string }>> {
  const [forgot, login] = await Promise.all([pageHtml(baseUrl, 'customer/account/forgotpassword/'), pageHtml(baseUrl, 'customer/account/login/')]);
  return {
    ...(forgot.includes(CAPTCHA_FIELD) ? { [CAPTCHA_ENABLE]: { off: '0', skipReason: CAPTCHA_SKIP_REASON } } : {}),
    ...(forgot.includes(RECAPTCHA_WIDGET) ? { [RECAPTCHA_FORGOT]: { off: '', skipReason: recaptchaSkipReason('forgot', RECAPTCHA_FORGOT) } } : {}),
    ...(login.includes(RECAPTCHA_WIDGET) ? { [RECAPTCHA_LOGIN]: { off: '', skipReason: recaptchaSkipReason('sign-in', RECAPTCHA_LOGIN) } } : {}),
  };
}

setup('the forgot and sign-in forms have no CAPTCHA and no reCAPTCHA for the run, where a backdoor can switch them off', async ({
  config,
  availableBackdoor,
}) => {
  const found = await protections(config.magentoBaseUrl);
  if (Object.keys(found).length === 0) return;
  if (availableBackdoor === undefined) {
    for (const { skipReason } of Object.values(found)) console.log(`storefront: ${skipReason}`);
    return;
  }
  const off = Object.fromEntries(Object.entries(found).map(([path, { off }]) => [path, off]));
  await setup.step(`${Object.keys(off).join(', ')} switched off through the ${availableBackdoor.name} backdoor`, () => availableBackdoor.applyConfig(off));
  expect(Object.keys(await protections(config.magentoBaseUrl)), 'still shown on the forms').toEqual([]);
});
