import { defineConfig } from '@playwright/test';
import type { ReporterDescription } from '@playwright/test';

// The suite runs against MAGENTO_BASE_URL, or, when that is unset, against the embedded stack
// (Mailpit + the Magento emulator) that fixtures/global-setup.ts starts and stops.
const ci = Boolean(process.env.CI);

const reporters: ReporterDescription[] = [['list'], ['./fixtures/advisory-reporter.ts'], ['./fixtures/dependency-reporter.ts']];
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
    { name: 'suite', testDir: './tests', testIgnore: 'serial/**', fullyParallel: true },
    // Tests that change store-wide configuration: one at a time, after the parallel ones.
    { name: 'suite-serial', testDir: './tests/serial', dependencies: ['suite'], workers: 1, fullyParallel: false },
  ],
});
