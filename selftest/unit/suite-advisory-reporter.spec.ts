import { expect, test } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import AdvisoryReporter from '../../fixtures/advisory-reporter.js';

const finished = (title: string, descriptions: readonly string[]) =>
  [
    { title, annotations: [] } as unknown as TestCase,
    { annotations: descriptions.map((description) => ({ type: 'advisory', description })) } as unknown as TestResult,
  ] as const;

function printed(run: (reporter: AdvisoryReporter) => void): string {
  const reporter = new AdvisoryReporter();
  run(reporter);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => chunks.push(chunk) > 0);
  try {
    reporter.onEnd();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

test.describe('advisory reporter', () => {
  test('prints each advisory once, with how many tests saw it', () => {
    const output = printed((reporter) => {
      reporter.onTestEnd(...finished('first', ['tokens survive a reset']));
      reporter.onTestEnd(...finished('second', ['tokens survive a reset', 'REST reveals accounts']));
    });
    expect(output).toContain('  - tokens survive a reset\n    (2 tests, e.g. first)');
    expect(output).toContain('  - REST reveals accounts\n    (1 test, e.g. second)');
    expect(output.match(/tokens survive a reset/g)).toHaveLength(1);
  });

  test('prints nothing when no test recorded an advisory', () => {
    expect(printed((reporter) => reporter.onTestEnd(...finished('plain', [])))).toBe('');
  });
});
