// Runs the suite in a child Playwright process against a given target and reads back its JSON report:
// the shared engine of `npm run test:mutants` and `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Playwright's command line, run with this Node (npx would add half a second to each of the mutants' many runs). */
const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli');

export interface Target {
  magentoBaseUrl: string;
  mailpitUrl: string;
}

export interface TestOutcome {
  title: string;
  status: string; // passed | failed | timedOut | skipped | interrupted
  durationMs: number;
}

export interface SuiteRun {
  exitCode: number;
  wallMs: number;
  tests: TestOutcome[];
  /** The global setup's error (e.g. the preflight), when the run failed before any test. */
  setupError: string | undefined;
}

interface JsonResult { status: string; duration: number }
interface JsonSpec { title: string; tests: { results: JsonResult[] }[] }
interface JsonSuite { title: string; specs?: JsonSpec[]; suites?: JsonSuite[] }
interface JsonReport { suites: JsonSuite[]; errors?: { message?: string }[] }

function collect(suite: JsonSuite, parents: string[], into: TestOutcome[]): void {
  const trail = suite.title ? [...parents, suite.title] : parents;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      for (const result of test.results) {
        into.push({ title: [...trail, spec.title].join(' › '), status: result.status, durationMs: result.duration });
      }
    }
  }
  for (const child of suite.suites ?? []) collect(child, trail, into);
}

export const BOTH_PROJECTS = ['suite', 'suite-serial'];
/** The browser specs, parallel then serial (their CAPTCHA setup and teardown come along as dependencies). */
export const STOREFRONT_PROJECTS = ['storefront', 'storefront-serial'];

export interface RunOptions {
  /** Variables for the run on top of this process's (e.g. the embedded stack's EMULATOR_*). */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep the configured reporters (list on the console, CI's report folders) beside the JSON one read back. */
  readonly configuredReporters?: boolean;
}

export async function runSuite(
  target: Target,
  extraArgs: readonly string[],
  projects: readonly string[] = BOTH_PROJECTS,
  options: RunOptions = {},
): Promise<SuiteRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'suite-run-'));
  const reportFile = path.join(dir, 'report.json');
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const reporting = options.configuredReporters
      ? { args: [], stdout: 'inherit' as const, env: {} } // playwright.config.ts adds the JSON reporter
      : { args: ['--reporter=json'], stdout: 'ignore' as const, env: { CI: '' } }; // keep the CI reporters out of measured runs
    const child = spawn(
      process.execPath,
      [PLAYWRIGHT_CLI, 'test', ...projects.map((name) => `--project=${name}`), ...reporting.args, ...extraArgs],
      {
        stdio: ['ignore', reporting.stdout, 'inherit'],
        env: {
          ...process.env,
          ...options.env,
          MAGENTO_BASE_URL: target.magentoBaseUrl,
          MAILPIT_URL: target.mailpitUrl,
          PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile,
          ...reporting.env,
        },
      },
    );
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  const tests: TestOutcome[] = [];
  let setupError: string | undefined;
  try {
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as JsonReport;
    for (const suite of report.suites) collect(suite, [], tests);
    setupError = report.errors?.[0]?.message?.split('\n')[0];
  } catch {
    setupError = 'Playwright wrote no JSON report';
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { exitCode, wallMs, tests, setupError };
}

export const failed = (run: SuiteRun): TestOutcome[] =>
  run.tests.filter((t) => t.status === 'failed' || t.status === 'timedOut');
