import { magentoErrors } from '../../fixtures/magento/messages.js';
import { accepted, refused } from '../../fixtures/magento/result.js';
import type { MagentoError } from '../../fixtures/magento/schemas.js';
import { ageResetToken } from '../../fixtures/token-age.js';
import { expect, test } from '../../fixtures/test.js';
import { asserts } from '../../fixtures/transcript-cases.js';

/** Store config the reset flow reads (customer/password/…). */
const EXPIRY_HOURS = 'customer/password/reset_link_expiration_period';
const MIN_LENGTH = 'customer/password/minimum_password_length';
const REQUIRED_CLASSES = 'customer/password/required_character_classes_number';

interface PolicySetting {
  readonly title: string;
  readonly path: string;
  readonly value: string;
  /** Breaks only the changed setting: refused with `refusal`, naming the configured value. */
  readonly refusedPassword: string;
  readonly refusal: MagentoError;
  readonly acceptedPassword: string;
  /** The recorded run under the same setting (2.4.8-config/). */
  readonly recorded: string;
}

const policySettings: readonly PolicySetting[] = [
  {
    title: 'a minimum length of 10: 9 characters are refused with "10", 12 accepted',
    path: MIN_LENGTH,
    value: '10',
    refusedPassword: 'Abcdef-12',
    refusal: magentoErrors.passwordTooShort(10),
    acceptedPassword: 'Abcdefgh-123',
    recorded: '2.4.8-config/cfg-minlen-*',
  },
  {
    title: 'four required classes: three are refused with "4", four accepted',
    path: REQUIRED_CLASSES,
    value: '4',
    refusedPassword: 'Abcdefgh123',
    refusal: magentoErrors.passwordClasses(4),
    acceptedPassword: 'Abcdefg-123',
    recorded: '2.4.8-config/cfg-classes-*',
  },
];

test.describe('non-default password and expiry settings', () => {
  test('a 1-hour expiry period: 61 minutes is expired, 59 minutes still works', {
    tag: ['@security'],
    annotation: asserts('2.4.8-config/cfg-expiry-*'),
  }, async ({
    storeConfig,
    backdoor,
    customers,
    magento,
    resetFlow,
  }) => {
    await storeConfig.set({ [EXPIRY_HOURS]: '1' });
    const customer = await customers.create();
    const { token } = await resetFlow.requestReset(customer);
    const newPassword = resetFlow.newPassword();

    await test.step('61 minutes old: expired', async () => {
      await ageResetToken(backdoor, customer.id, 61);
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(refused(400, magentoErrors.tokenExpired));
      expect(await resetFlow.submitPassword(customer, token, newPassword)).toEqualResult(refused(400, magentoErrors.tokenExpired));
    });
    await test.step('59 minutes old: valid', async () => {
      await ageResetToken(backdoor, customer.id, 59);
      expect(await magento.validateResetToken(customer.id, token)).toEqualResult(accepted(true));
      expect(await resetFlow.submitPassword(customer, token, newPassword)).toEqualResult(accepted(true));
    });
  });

  for (const setting of policySettings) {
    test(setting.title, { tag: ['@contract'], annotation: asserts(setting.recorded) }, async ({ storeConfig, customers, resetFlow }) => {
      await test.step(`${setting.path} is set to ${setting.value}`, () => storeConfig.set({ [setting.path]: setting.value }));
      const customer = await customers.create();
      const { token } = await resetFlow.requestReset(customer);
      await test.step(`"${setting.refusedPassword}" is refused, naming ${setting.value}`, async () => {
        expect(await resetFlow.submitPassword(customer, token, setting.refusedPassword)).toEqualResult(refused(400, setting.refusal));
      });
      await resetFlow.setNewPassword(customer, token, setting.acceptedPassword);
    });
  }
});
