import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';
import type { ReporterDescription } from '@playwright/test';
import { runFacts } from './fixtures/run-facts.js';

// The suite runs against MAGENTO_BASE_URL, or, when that is unset, against the embedded stack
// (Mailpit + the Magento emulator) that fixtures/global-setup.ts starts and stops.
const ci = Boolean(process.env.CI);

const reporters: ReporterDescription[] = [['list'], ['./fixtures/advisory-reporter.ts'], ['./fixtures/dependency-reporter.ts']];
// one invocation, one set of reports: `npm test` runs 2.4.8 then 2.4.7, each into its own folders
const reportsOf = runFacts.magento_version;
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

export default defineConfig({
  globalSetup: './fixtures/global-setup.ts',
  metadata: runFacts,
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
    { name: 'contract', testDir: './selftest/contract' }, // the suite's schemas and messages against the recordings
    { name: 'suite', testDir: './tests', testIgnore: 'serial/**', fullyParallel: true },
    // Tests that change store-wide configuration: one at a time, after the parallel ones. On a real store
    // each config batch and its restore boot bin/magento (~4.5 s each; the throttling tests took 17.5–23.5 s
    // there), so they get three times the parallel tests' 20 s.
    {
      name: 'suite-serial',
      testDir: './tests/serial',
      dependencies: ['suite'],
      workers: 1,
      fullyParallel: false,
      timeout: 60_000,
    },
  ],
});
