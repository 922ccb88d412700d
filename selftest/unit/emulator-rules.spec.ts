import { expect, test } from '@playwright/test';
import type { CustomerRecord } from '../../emulator/model/accounts.js';
import { Accounts } from '../../emulator/model/accounts.js';
import { FaultSwitches } from '../../emulator/model/faults.js';
import { MagentoError } from '../../emulator/model/magento-errors.js';
import { assertPasswordStrength } from '../../emulator/model/password-policy.js';
import { ResetRequestLimiter } from '../../emulator/model/request-throttle.js';
import { assertResetTokenValid, newResetToken } from '../../emulator/model/reset-tokens.js';
import { dropRespelledKeys, resolveServiceInput } from '../../emulator/services/service-input.js';
import { StoreConfig } from '../../emulator/model/store-config.js';

const faults = new FaultSwitches();

function failure(action: () => void): { message: string; parameters: unknown } | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof MagentoError)) throw error;
    return { message: error.phrase.message, parameters: error.phrase.parameters };
  }
}

test('password checks run in Magento order with string config parameters', () => {
  const config = new StoreConfig(1025);
  const check = (password: string) => failure(() => assertPasswordStrength(password, config, faults));
  expect(check(`Aa1-${'x'.repeat(253)}`)?.parameters).toEqual([256]);
  expect(check(`Aa1-${'x'.repeat(252)}`)).toBeUndefined();
  expect(check('Ab1-')?.parameters).toEqual(['8']);
  expect(check(' Abcdef-123')?.message).toMatch(/begin or end with a space/);
  expect(check('abcdefghij')?.parameters).toEqual(['3']);
  config.set('customer/password/minimum_password_length', '10');
  expect(check('Abcdef-12')?.parameters).toEqual(['10']);
});

function customerWithToken(ageSeconds: number): { accounts: Accounts; customer: CustomerRecord; token: string } {
  const accounts = new Accounts();
  const now = new Date();
  const customer = accounts.add({ email: 'a@example.com', firstname: 'A', lastname: 'B', optional: {}, gender: null }, null, now);
  const token = newResetToken();
  customer.rpToken = token;
  customer.rpTokenCreatedAt = new Date(now.getTime() - ageSeconds * 1000);
  return { accounts, customer, token };
}

test('reset tokens are 32 alphanumerics and expire by whole hours', () => {
  expect(newResetToken()).toMatch(/^[a-zA-Z0-9]{32}$/);
  const config = new StoreConfig(1025);
  const verdict = (ageSeconds: number, given?: string) => {
    const { accounts, customer, token } = customerWithToken(ageSeconds);
    return failure(() => assertResetTokenValid(customer, given ?? token, { accounts, config, faults, now: new Date() }))?.message;
  };
  expect(verdict(7140)).toBeUndefined();
  expect(verdict(7200)).toMatch(/expired/);
  expect(verdict(-3600)).toMatch(/expired/);
  expect(verdict(0, 'x'.repeat(32))).toMatch(/mismatched/);
});

test('the 2.4.8 limiter records every request, refuses by frequency then quantity', () => {
  const config = new StoreConfig(1025);
  const limiter = new ResetRequestLimiter(config, faults);
  const now = new Date();
  limiter.check('a@example.com', '127.0.0.1', now);
  limiter.check('a@example.com', '127.0.0.1', now); // type 0: no check, still recorded
  expect(limiter.size).toBe(2);
  config.set('customer/password/password_reset_protection_type', '3');
  expect(failure(() => limiter.check('A@example.com', '10.0.0.1', now))?.parameters).toEqual(['hello@example.com']);
  expect(limiter.size).toBe(2);
  expect(failure(() => limiter.check('b@example.com', '127.0.0.1', now))).toBeUndefined();
});

test('service input: camelCase wins, null is missing, PUT keeps the first spelling', () => {
  const specs = [
    { name: 'email', type: 'string' },
    { name: 'websiteId', type: 'int', optional: true },
  ] as const;
  expect(resolveServiceInput(specs, { email: 'e', website_id: 7, websiteId: 1 })).toEqual({ email: 'e', websiteId: 1 });
  expect(resolveServiceInput(specs, dropRespelledKeys({ email: 'e', website_id: 7, websiteId: 1 }))).toEqual({
    email: 'e',
    websiteId: 7,
  });
  expect(failure(() => resolveServiceInput(specs, { email: null }))?.parameters).toEqual({ fieldName: 'email' });
  expect(failure(() => resolveServiceInput(specs, { email: 'e', websiteId: 'abc' }))?.message).toBe(
    'The "abc" value\'s type is invalid. The "int" type was expected. Verify and try again.',
  );
});
