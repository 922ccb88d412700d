// setups.ts must understand every recorded setup text and refuse any other.
import { expect, test } from '@playwright/test';
import { exclusionOf } from './excluded.js';
import { planSetup } from './setups.js';
import type { ControlSurface } from './control-surface.js';
import type { SetupContext } from './setups.js';
import { FOLDERS, loadFolder } from './transcript.js';

/** A control surface that records the calls instead of making them. */
function recordingContext(config: Record<string, string> = {}): { ctx: SetupContext; calls: string[] } {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]): Promise<void> => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      return Promise.resolve();
    };
  const control: ControlSurface = {
    resetTokenAge: log('resetTokenAge'),
    lock: log('lock'),
    lockState: () => Promise.reject(new Error('setups never read the lock')),
    expireTokenThrottle: log('expireTokenThrottle'),
    clearPasswordResetRequests: log('clearPasswordResetRequests'),
    setConfig: log('setConfig'),
    config: () => Promise.resolve(config),
    setPassword: log('setPassword'),
    setTwoFactorModule: log('setTwoFactorModule'),
    setAdminGoogleSecret: log('setAdminGoogleSecret'),
    addIntegration: log('addIntegration'),
  };
  const ctx: SetupContext = {
    control,
    subject: { email: 'fid.x.abcdefgh@example.com', id: 7 },
    customerId: () => 9,
    failTokenCalls: log('failTokenCalls'),
    variable: (placeholder) => placeholder,
  };
  return { ctx, calls };
}

test('every recorded setup text is understood', () => {
  // the setups of excluded cases (excluded.ts) are never applied
  const texts = FOLDERS.flatMap(({ folder, version }) =>
    loadFolder(folder, version).exchanges.flatMap((e) => (exclusionOf(folder, e.case) === undefined ? (e.setup ?? []) : [])),
  );
  expect(texts.length).toBeGreaterThan(50);
  for (const text of texts) expect(() => planSetup(text), text).not.toThrow();
});

test('an unknown setup text fails loudly', () => {
  expect(() => planSetup('customer_entity.group_id=4 set in the DB')).toThrow(/setup not understood/);
});

test('a config group restores the other customer/password values, then sets its own', async () => {
  const { ctx, calls } = recordingContext({ 'customer/password/lockout_failures': '10', 'customer/password/minimum_password_length': '8' });
  const text =
    'config (php bin/magento config:set <path> <value>; php bin/magento cache:clean config): customer/password/min_time_between_password_reset_requests=10, customer/password/password_reset_protection_type=0, customer/password/minimum_password_length=10; all other customer/password values at Magento defaults. the password has 9 characters and 4 classes';
  await planSetup(text)(ctx).before();
  expect(calls).toEqual([
    'setConfig ["customer/password/lockout_failures",null]',
    'setConfig ["customer/password/min_time_between_password_reset_requests","10"]',
    'setConfig ["customer/password/password_reset_protection_type","0"]',
    'setConfig ["customer/password/minimum_password_length","10"]',
  ]);
});

test('a database tweak becomes the matching control-surface call', async () => {
  const { ctx, calls } = recordingContext();
  await planSetup('before this request, customer_entity.rp_token_created_at was set to UTC now minus 3 hours directly in the database')(ctx).before();
  await planSetup('rp_token_created_at set to UTC now plus 1 hour')(ctx).before();
  await planSetup('customer_entity.failures_num=10 and lock_expires = now + 10 min set in the DB (the account is locked)')(ctx).before();
  expect(calls).toEqual(['resetTokenAge [7,10800]', 'resetTokenAge [7,-3600]', 'lock [7,10,600]']);
});

test('a per-request setting is undone after the request', async () => {
  const { ctx, calls } = recordingContext();
  const plan = planSetup('system/smtp/port was pointed at a closed port (127.0.0.1:1026) for this request only')(ctx);
  await plan.before();
  await plan.after();
  expect(plan.scope).toBe('request');
  expect(calls).toEqual(['setConfig ["system/smtp/port","1"]', 'setConfig ["system/smtp/port",null]']);
});
