import { defineConfig } from '@playwright/test';
import type { ReporterDescription } from '@playwright/test';
import { chooseChromium, CHROMIUM_FLAGS } from './fixtures/chromium.js';

// The suite runs against MAGENTO_BASE_URL, or, when that is unset, against the embedded stack
// (Mailpit + the Magento emulator) that fixtures/global-setup.ts starts and stops.
const ci = Boolean(process.env.CI);

const reporters: ReporterDescription[] = [['list'], ['./fixtures/advisory-reporter.ts']];
if (ci) {
  reporters.push(
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['blob', { outputDir: 'blob-report' }], // sharded runs join these with `playwright merge-reports`
    [
      'allure-playwright',
      {
        resultsDir: 'allure-results',
        environmentInfo: {
          target: process.env.MAGENTO_BASE_URL || 'embedded emulator',
          magento_version: process.env.MAGENTO_VERSION ?? '2.4.8',
          mailpit: 'v1.33.1',
          node: process.version,
        },
      },
    ],
  );
}

// The storefront specs drive Chromium: Debian's (CHROMIUM_PATH) or Playwright's own; with neither they skip
// (fixtures/storefront/test.ts prints why). The reset token travels in the storefront's URLs (the mailed link,
// the form's action, the failure redirect), so traces, videos, HAR and page snapshots, which record URLs and
// DOM, stay off for it; the specs attach their own screenshots (no token is visible on the page) instead.
const chromium = chooseChromium(process.env);
// A browser test makes a dozen page loads; on a loaded 2-core machine each can take seconds, so these projects
// get more time than the REST suite's 20 s (still bounded: a hung page fails, it does not wait forever).
const storefrontTimeouts = { timeout: 60_000, expect: { timeout: 10_000 } };
const storefrontUse = {
  browserName: 'chromium' as const,
  launchOptions: { executablePath: 'executablePath' in chromium ? chromium.executablePath : undefined, args: [...CHROMIUM_FLAGS] },
  viewport: { width: 1280, height: 900 }, // as the recorded browser walk
  trace: 'off' as const,
  video: 'off' as const,
  screenshot: 'off' as const,
};
// A failed test's error-context.md holds an ARIA snapshot of the page: off, for the same reason.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  globalSetup: './fixtures/global-setup.ts',
  reporter: reporters,
  forbidOnly: ci,
  retries: 0, // a flaky test is a bug to fix, not to retry
  workers: 4, // the tests wait on I/O, not CPU: four workers keep two cores busy
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: { trace: 'off', screenshot: 'off', video: 'off' }, // traces would record passwords and tokens
  projects: [
    { name: 'unit', testDir: './selftest/unit', fullyParallel: true },
    { name: 'infra', testDir: './selftest/infra', fullyParallel: true },
    { name: 'conformance', testDir: './selftest/conformance', fullyParallel: true },
    { name: 'suite', testDir: './tests', testIgnore: ['serial/**', '**/tests/storefront/**'], fullyParallel: true },
    // Tests that change store-wide configuration: one at a time, after the parallel ones.
    { name: 'suite-serial', testDir: './tests/serial', dependencies: ['suite'], workers: 1, fullyParallel: false },
    // The shopper's reset in a browser. Its setup switches the forgot form's CAPTCHA off where a backdoor can
    // (and its teardown restores it). It runs after the REST serial project, whose config changes (throttling,
    // password rules) would reach its forms, and its own serial part after it.
    { name: 'storefront-captcha', testDir: './tests/storefront', testMatch: 'captcha-off.setup.ts', teardown: 'storefront-captcha-restore' },
    { name: 'storefront-captcha-restore', testDir: './tests/storefront', testMatch: 'captcha-restore.teardown.ts' },
    {
      name: 'storefront',
      testDir: './tests/storefront',
      testIgnore: 'serial/**',
      dependencies: ['storefront-captcha', 'suite-serial'],
      fullyParallel: true,
      use: storefrontUse,
      ...storefrontTimeouts,
    },
    {
      name: 'storefront-serial',
      testDir: './tests/storefront/serial',
      dependencies: ['storefront'],
      workers: 1,
      fullyParallel: false,
      use: storefrontUse,
      ...storefrontTimeouts,
    },
  ],
});
