// Two-factor auth on the admin token (HARDENED.md §1): with Magento_TwoFactorAuth the password alone never
// gets a token, and the Google route wants the current code. Runs where MAGENTO_ADMIN_TOTP_SECRET is set.
import { currentTotp } from '../../fixtures/admin-auth.js';
import { magentoErrors } from '../../fixtures/magento/messages.js';
import { refused } from '../../fixtures/magento/result.js';
import { expect, skipTest, test } from '../../fixtures/test.js';

/** Ten minutes back: far outside Magento's window of the neighbouring 30 s steps. */
const STALE_MS = 10 * 60_000;

test.describe('two-factor auth on the admin token', { tag: ['@security', '@negative'] }, () => {
  test('the password alone gets no token; only the current Google code does', async ({ config, magento }) => {
    const secret = config.adminTotpSecret;
    if (secret === undefined) {
      skipTest(`MAGENTO_ADMIN_TOTP_SECRET is not set for ${config.magentoBaseUrl}: set it on a store with Magento_TwoFactorAuth (e.g. EMULATOR_2FA_SECRET=<base32> npm run stack)`);
      return;
    }
    const { adminUsername: username, adminPassword: password } = config;
    await test.step('the admin-token route names the provider to use instead', async () => {
      expect(await magento.adminToken(username, password)).toEqualResult(refused(400, magentoErrors.tfaUseProviderEndpoints(['google'])));
    });
    await test.step('a stale code is refused', async () => {
      const stale = currentTotp(secret, Date.now() - STALE_MS);
      expect(await magento.tfaGoogleAuthenticate(username, password, stale)).toEqualResult(refused(401, magentoErrors.tfaInvalidCode));
    });
    await test.step('the current code signs the admin in', async () => {
      const token = await magento.tfaGoogleAuthenticate(username, password, currentTotp(secret));
      expect(token.ok, 'an admin token from the google route').toBe(true);
    });
  });
});
