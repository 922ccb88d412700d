import { magentoErrors } from '../../fixtures/magento/messages.js';
import { accepted, refused } from '../../fixtures/magento/result.js';
import { strongPassword } from '../../fixtures/passwords.js';
import { expect, test } from '../../fixtures/test.js';

/** Store config the reset flow reads (customer/password/…). */
const EXPIRY_HOURS = 'customer/password/reset_link_expiration_period';
const MIN_LENGTH = 'customer/password/minimum_password_length';
const REQUIRED_CLASSES = 'customer/password/required_character_classes_number';

test.describe('non-default password and expiry settings', () => {
  test('a 1-hour expiry period: 61 minutes is expired, 59 minutes still works', { tag: ['@security'] }, async ({
    storeConfig,
    backdoor,
    customers,
    magento,
    resetFlow,
    profile,
  }) => {
    await storeConfig.set(EXPIRY_HOURS, '1');
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = strongPassword(profile.passwordPolicy.minLength);
    const reset = () => magento.resetPassword({ email: customer.email, resetToken: token, newPassword });

    await test.step('61 minutes old: expired', async () => {
      await backdoor.ageResetToken(customer.id, 61 * 60);
      expect(await magento.validateResetToken(customer.id, token)).toStrictEqual(refused(400, magentoErrors.tokenExpired));
      expect(await reset()).toStrictEqual(refused(400, magentoErrors.tokenExpired));
    });
    await test.step('59 minutes old: valid', async () => {
      await backdoor.ageResetToken(customer.id, 59 * 60);
      expect(await magento.validateResetToken(customer.id, token)).toStrictEqual(accepted(true));
      expect(await reset()).toStrictEqual(accepted(true));
    });
  });

  test('a minimum length of 10: 9 characters are refused with "10", 12 accepted', { tag: ['@contract'] }, async ({
    storeConfig,
    customers,
    magento,
    resetFlow,
  }) => {
    await storeConfig.set(MIN_LENGTH, '10');
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const reset = (newPassword: string) => magento.resetPassword({ email: customer.email, resetToken: token, newPassword });
    expect(await reset('Abcdef-12')).toStrictEqual(refused(400, magentoErrors.passwordTooShort(10)));
    expect(await reset('Abcdefgh-123')).toStrictEqual(accepted(true));
  });

  test('four required classes: three are refused with "4", four accepted', { tag: ['@contract'] }, async ({
    storeConfig,
    customers,
    magento,
    resetFlow,
  }) => {
    await storeConfig.set(REQUIRED_CLASSES, '4');
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const reset = (newPassword: string) => magento.resetPassword({ email: customer.email, resetToken: token, newPassword });
    expect(await reset('Abcdefgh123')).toStrictEqual(refused(400, magentoErrors.passwordClasses(4)));
    expect(await reset('Abcdefg-123')).toStrictEqual(accepted(true));
  });
});
