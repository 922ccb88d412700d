// Before the storefront specs: where the forgot form shows a CAPTCHA and a backdoor can change config, it is
// switched off for the run (captcha-restore.teardown.ts restores it). Without a backdoor it stays, and the
// tests that need the form skip, naming the config (fixtures/storefront/captcha.ts).
import { CAPTCHA_ENABLE, CAPTCHA_SKIP_REASON } from '../../fixtures/storefront/captcha.js';
import { expect, test as setup } from '../../fixtures/test.js';

/** The field name is Magento's own (Captcha module), whatever the theme. */
const CAPTCHA_FIELD = 'captcha[user_forgotpassword]';

async function forgotFormShowsCaptcha(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/customer/account/forgotpassword/`, { signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`GET ${baseUrl}/customer/account/forgotpassword/ answered ${response.status}: is the storefront up?`);
  return (await response.text()).includes(CAPTCHA_FIELD);
}

setup('the forgot form has no CAPTCHA for the run, where a backdoor can switch it off', async ({ config, availableBackdoor }) => {
  if (!(await forgotFormShowsCaptcha(config.magentoBaseUrl))) return;
  if (availableBackdoor === undefined) {
    console.log(`storefront: ${CAPTCHA_SKIP_REASON}`);
    return;
  }
  await setup.step(`${CAPTCHA_ENABLE} = 0 through the ${availableBackdoor.name} backdoor`, () => availableBackdoor.applyConfig({ [CAPTCHA_ENABLE]: '0' }));
  expect(await forgotFormShowsCaptcha(config.magentoBaseUrl), 'the forgot form still shows a CAPTCHA').toBe(false);
});
