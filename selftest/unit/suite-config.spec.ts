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
      release: { line: '2.4.8', patch: 0, name: '2.4.8' },
      adminTotpSecret: undefined,
      adminToken: undefined,
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
    expect(config).toMatchObject({ adminUsername: 'qa', websiteId: 2, storeCode: 'de_store', mailWaitTimeoutMs: 2500, release: { line: '2.4.7', patch: 0, name: '2.4.7' } });
  });

  const bad: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
    ['a malformed Mailpit URL', { MAILPIT_URL: 'foo' }, 'MAILPIT_URL must be an http(s) URL such as http://127.0.0.1:8025 (got "foo")'],
    ['a non-http store URL', { MAGENTO_BASE_URL: 'ftp://shop' }, 'MAGENTO_BASE_URL must be an http(s) URL such as http://127.0.0.1:8080 (got "ftp://shop")'],
    ...['2.4.5', '2.4.10', '2.4.8-p0', '2.4.8p1', '2.4'].map(
      (version) =>
        [
          `an unsupported version ${version}`,
          { MAGENTO_VERSION: version },
          `MAGENTO_VERSION must be a 2.4.6, 2.4.7, 2.4.8 or 2.4.9 release, with or without -pN (2.4.8, 2.4.7-p6) (got "${version}")`,
        ] as const,
    ),
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

  for (const [version, line, patch] of [
    ['2.4.6-p11', '2.4.6', 11],
    ['2.4.7-p6', '2.4.7', 6],
    ['2.4.8-p3', '2.4.8', 3],
    ['2.4.9', '2.4.9', 0],
  ] as const) {
    test(`MAGENTO_VERSION=${version} is line ${line}, patch ${patch}`, () => {
      expect(readConfig({ ...minimal, MAGENTO_VERSION: version }).release).toStrictEqual({ line, patch, name: version });
    });
  }

  test('a missing required variable says what it wants', () => {
    expect(() => readConfig({ MAILPIT_URL: minimal.MAILPIT_URL })).toThrow(
      new Error('MAGENTO_BASE_URL is not set: it must be an http(s) URL such as http://127.0.0.1:8080'),
    );
    expect(() => readConfig({ MAGENTO_BASE_URL: minimal.MAGENTO_BASE_URL, MAILPIT_URL: '' })).toThrow(/^MAILPIT_URL is not set/);
  });
});

test('an empty variable that has a default is an error naming it, not the default', () => {
  for (const name of ['MAGENTO_ADMIN_USERNAME', 'MAGENTO_ADMIN_PASSWORD', 'MAGENTO_WEBSITE_ID', 'MAGENTO_VERSION']) {
    expect(() => readConfig({ MAGENTO_BASE_URL: 'http://127.0.0.1:8080', MAILPIT_URL: 'http://127.0.0.1:8025', [name]: '' })).toThrow(
      new RegExp(`^${name} is empty: unset it for the default`),
    );
  }
});

test('CHROMIUM_PATH defaults to Debian\'s chromium and must be absolute', () => {
  expect(readChromiumPath({})).toStrictEqual({ path: '/usr/bin/chromium', explicit: false });
  expect(readChromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toStrictEqual({ path: '/opt/chrome/chrome', explicit: true });
  expect(() => readChromiumPath({ CHROMIUM_PATH: 'chromium' })).toThrow(/^CHROMIUM_PATH must be the absolute path of a Chromium executable/);
});
