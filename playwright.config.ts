import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ReporterDescription } from '@playwright/test';
import type { SuiteWorkerOptions } from './fixtures/test.js';
import { runFacts } from './fixtures/run-facts.js';
import { chooseChromium, CHROMIUM_FLAGS } from './fixtures/chromium.js';

// The suite runs against MAGENTO_BASE_URL, or, when that is unset, against the embedded stack
// (Mailpit + the Magento emulator) that fixtures/global-setup.ts starts and stops.
const ci = Boolean(process.env.CI);

const reporters: ReporterDescription[] = [['list'], ['./fixtures/advisory-reporter.ts'], ['./fixtures/dependency-reporter.ts']];
// one invocation, one set of reports: `npm test` runs 2.4.8 then 2.4.7, each into its own folders, and the
// hardened passes (scripts/hardened-passes.ts) into folders SUITE_REPORTS_NAME names
const reportsOf = process.env.SUITE_REPORTS_NAME || runFacts.magento_version;
// a run that a script reads back (scripts/playwright-run.ts) also writes Playwright's JSON report there
if (process.env.PLAYWRIGHT_JSON_OUTPUT_FILE) reporters.push(['json']);
if (ci) {
  const allureResults = `allure-results/${reportsOf}`;
  // Allure results start clean each run (the runner, not its workers, which load this file too)
  if (process.env.TEST_WORKER_INDEX === undefined) rmSync(allureResults, { recursive: true, force: true });
  reporters.push(
    ['html', { open: 'never', outputFolder: `playwright-report/${reportsOf}` }],
    ['junit', { outputFile: `reports/${reportsOf}/junit.xml` }],
    ['blob', { outputDir: 'blob-report' }], // sharded runs join these with `playwright merge-reports`
    ['allure-playwright', { resultsDir: allureResults, environmentInfo: runFacts }],
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

export default defineConfig<object, SuiteWorkerOptions>({
  globalSetup: './fixtures/global-setup.ts',
  metadata: runFacts,
  reporter: reporters,
  forbidOnly: ci,
  retries: 0, // a flaky test is a bug to fix, not to retry
  // One worker per core, two at least: against the embedded stack the workers share the cores with the emulator and
  // Mailpit, and on this 2-core machine a third or fourth worker made the suite slower (16.4 and 18.4 s, against
  // 14.2 s with two). Against a remote store, where the tests wait on I/O, --workers may go higher.
  workers: Math.max(2, availableParallelism()),
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: { trace: 'off', screenshot: 'off', video: 'off' }, // traces would record passwords and tokens
  projects: [
    { name: 'unit', testDir: './selftest/unit', fullyParallel: true },
    { name: 'infra', testDir: './selftest/infra', fullyParallel: true },
    { name: 'conformance', testDir: './selftest/conformance', fullyParallel: true },
    { name: 'contract', testDir: './selftest/contract' }, // the suite's schemas and messages against the recordings
    { name: 'suite', testDir: './tests', testIgnore: ['serial/**', '**/tests/storefront/**'], fullyParallel: true },
    // Tests that change store-wide configuration: one at a time, after the parallel ones. On a real store
    // each config batch and its restore boot bin/magento (~4.5 s each; the throttling tests took 17.5–23.5 s
    // there), so they get three times the parallel tests' 20 s.
    // Runs sharing a store take turns at store-wide config: the serial projects' workers hold the store lease
    // exclusively (fixtures/store-lease.ts), taken after this run's parallel tests and handed back after.
    {
      name: 'suite-serial',
      testDir: './tests/serial',
      dependencies: ['suite'],
      workers: 1,
      fullyParallel: false,
      timeout: 60_000,
      use: { storeLease: 'exclusive' },
    },
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
      use: { ...storefrontUse, storeLease: 'exclusive' },
      ...storefrontTimeouts,
    },
  ],
});
