import { expect, test } from '@playwright/test';
import { readChromiumPath, readConfig } from '../../fixtures/config.js';

const minimal = { MAGENTO_BASE_URL: 'http://127.0.0.1:8080/', MAILPIT_URL: 'http://127.0.0.1:8025' };

test.describe('suite config', () => {
  test('fills the documented defaults and trims the trailing slash', () => {
    expect(readConfig(minimal)).toStrictEqual({
      magentoBaseUrl: 'http://127.0.0.1:8080',
      adminUsername: 'exampleuser',
      adminPassword: 'examplepassword123',
      mailpitUrl: 'http://127.0.0.1:8025',
      websiteId: 1,
      storeCode: 'default',
      mailWaitTimeoutMs: 10000,
      magentoVersion: '2.4.8',
    });
  });

  test('reads every variable', () => {
    const config = readConfig({
      ...minimal,
      MAGENTO_ADMIN_USERNAME: 'qa',
      MAGENTO_ADMIN_PASSWORD: 'secret-1',
      MAGENTO_WEBSITE_ID: '2',
      MAGENTO_STORE_CODE: 'de_store',
      MAIL_WAIT_TIMEOUT_MS: '2500',
      MAGENTO_VERSION: '2.4.7',
    });
    expect(config).toMatchObject({ adminUsername: 'qa', websiteId: 2, storeCode: 'de_store', mailWaitTimeoutMs: 2500, magentoVersion: '2.4.7' });
  });

  const bad: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
    ['a malformed Mailpit URL', { MAILPIT_URL: 'foo' }, 'MAILPIT_URL must be an http(s) URL such as http://127.0.0.1:8025 (got "foo")'],
    ['a non-http store URL', { MAGENTO_BASE_URL: 'ftp://shop' }, 'MAGENTO_BASE_URL must be an http(s) URL such as http://127.0.0.1:8080 (got "ftp://shop")'],
    ['an unknown version', { MAGENTO_VERSION: '2.4.6' }, 'MAGENTO_VERSION must be 2.4.7 or 2.4.8 (got "2.4.6")'],
    ['a non-numeric timeout', { MAIL_WAIT_TIMEOUT_MS: '10s' }, 'MAIL_WAIT_TIMEOUT_MS must be a positive number of milliseconds such as 10000 (got "10s")'],
    ['a zero timeout', { MAIL_WAIT_TIMEOUT_MS: '0' }, 'MAIL_WAIT_TIMEOUT_MS must be a positive number of milliseconds such as 10000 (got "0")'],
    ['a negative website id', { MAGENTO_WEBSITE_ID: '-1' }, 'MAGENTO_WEBSITE_ID must be a whole number such as 1 (got "-1")'],
    ['a store code with a slash', { MAGENTO_STORE_CODE: 'de/x' }, 'MAGENTO_STORE_CODE must be a store code such as default (lower-case letters, digits, _) (got "de/x")'],
  ];
  for (const [label, override, message] of bad) {
    test(`${label} is one line naming the variable`, () => {
      expect(() => readConfig({ ...minimal, ...override })).toThrow(new Error(message));
    });
  }

  test('a missing required variable says what it wants', () => {
    expect(() => readConfig({ MAILPIT_URL: minimal.MAILPIT_URL })).toThrow(
      new Error('MAGENTO_BASE_URL is not set: it must be an http(s) URL such as http://127.0.0.1:8080'),
    );
    expect(() => readConfig({ MAGENTO_BASE_URL: minimal.MAGENTO_BASE_URL, MAILPIT_URL: '' })).toThrow(/^MAILPIT_URL is not set/);
  });
});

test('CHROMIUM_PATH defaults to Debian\'s chromium and must be absolute', () => {
  expect(readChromiumPath({})).toStrictEqual({ path: '/usr/bin/chromium', explicit: false });
  expect(readChromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toStrictEqual({ path: '/opt/chrome/chrome', explicit: true });
  expect(() => readChromiumPath({ CHROMIUM_PATH: 'chromium' })).toThrow(/^CHROMIUM_PATH must be the absolute path of a Chromium executable/);
});
