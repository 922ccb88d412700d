import { expect, test } from '@playwright/test';
import { readConfig } from '../../fixtures/config.js';
import { loadStoreProfile, parseStoreProfile } from '../../fixtures/store-profile.js';

const config = readConfig({ MAGENTO_BASE_URL: 'http://127.0.0.1:8080', MAILPIT_URL: 'http://127.0.0.1:8025', MAGENTO_WEBSITE_ID: '3' });

test.describe('store profile', () => {
  test('without STORE_PROFILE it is stock Magento on the configured store', () => {
    expect(loadStoreProfile(config, {})).toStrictEqual({
      storeName: 'Main Website Store',
      sender: { name: 'CustomerSupport', email: 'support@example.com' },
      resetLink: { baseUrl: 'http://127.0.0.1:8080/', path: 'customer/account/createPassword/' },
      passwordPolicy: { minLength: 8, requiredClasses: 3, maxLength: 256, expiryHours: 2 },
      websiteId: 3,
      storeCode: 'default',
      contactEmail: 'hello@example.com',
      storefrontTheme: undefined,
    });
  });

  test('a profile names only what differs; the rest stays stock', () => {
    const profile = parseStoreProfile(
      config,
      'shop.json',
      JSON.stringify({
        storeName: 'Acme',
        sender: { email: 'help@acme.test' },
        resetLink: { baseUrl: 'https://www.acme.test' },
        passwordPolicy: { minLength: 12 },
      }),
    );
    expect(profile).toMatchObject({
      storeName: 'Acme',
      sender: { name: 'CustomerSupport', email: 'help@acme.test' },
      resetLink: { baseUrl: 'https://www.acme.test/', path: 'customer/account/createPassword/' },
      passwordPolicy: { minLength: 12, requiredClasses: 3, maxLength: 256, expiryHours: 2 },
    });
  });

  const bad: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['not JSON', '{storeName:', /^STORE_PROFILE shop\.json is not valid JSON \(/],
    ['an unknown key', '{"storName":"x"}', /^STORE_PROFILE shop\.json: the profile: Unrecognized key: "storName"$/],
    ['a wrong type', '{"passwordPolicy":{"minLength":"8"}}', /^STORE_PROFILE shop\.json: passwordPolicy\.minLength: /],
    ['an out-of-range value', '{"passwordPolicy":{"requiredClasses":5}}', /^STORE_PROFILE shop\.json: passwordPolicy\.requiredClasses: /],
    ['a bad sender email', '{"sender":{"email":"nope"}}', /^STORE_PROFILE shop\.json: sender\.email: /],
  ];
  for (const [label, text, message] of bad) {
    test(`${label} is a one-line error naming the file and key`, () => {
      expect(() => parseStoreProfile(config, 'shop.json', text)).toThrow(message);
      expect(() => parseStoreProfile(config, 'shop.json', text)).not.toThrow(/\n/);
    });
  }

  test('an unreadable profile file says so', () => {
    expect(() => loadStoreProfile(config, { STORE_PROFILE: '/nonexistent/profile.json' })).toThrow(
      /^STORE_PROFILE \/nonexistent\/profile\.json cannot be read \(ENOENT\)$/,
    );
  });
});
