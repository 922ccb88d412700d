import { expect, test } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import AdvisoryReporter from '../../fixtures/advisory-reporter.js';

const finished = (title: string, descriptions: readonly string[], type = 'advisory') =>
  [
    { title, annotations: [] } as unknown as TestCase,
    { annotations: descriptions.map((description) => ({ type, description })) } as unknown as TestResult,
  ] as const;

function printed(run: (reporter: AdvisoryReporter) => void, env = { MAGENTO_VERSION: '2.4.8' }): string {
  const reporter = new AdvisoryReporter({ env });
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

  test('sums up the backdoor time per call', () => {
    const output = printed((reporter) => {
      reporter.onTestEnd(...finished('one', ['docker-sql applyConfig 4000 ms', 'docker-sql applyConfig 5000 ms'], 'backdoor-call'));
      reporter.onTestEnd(...finished('two', ['docker-sql lockAccount 900 ms'], 'backdoor-call'));
    });
    expect(output).toContain('Backdoor time per call:\n');
    expect(output).toContain('  - docker-sql applyConfig: 2 calls, 4.5 s each on average, slowest 5.0 s');
    expect(output).toContain('  - docker-sql lockAccount: 1 call, 900 ms each on average, slowest 900 ms');
  });

  for (const version of ['2.4.6-p11', '2.4.9']) {
    test(`names ${version} as not validated against a real store`, () => {
      const output = printed(() => undefined, { MAGENTO_VERSION: version });
      expect(output).toContain(`Release: Magento ${version}: the ${version.slice(0, 5)} line is not validated against a real store`);
    });
  }

  test('says nothing about a validated line, patch or not', () => {
    expect(printed(() => undefined, { MAGENTO_VERSION: '2.4.7-p6' })).toBe('');
  });
});
