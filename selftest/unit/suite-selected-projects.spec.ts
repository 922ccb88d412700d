import { expect, test } from '@playwright/test';
import { projectsOnCommandLine, suiteSelected } from '../../fixtures/selected-projects.js';

test('no --project selects every project, the suite included', () => {
  expect(suiteSelected(['node', 'playwright', 'test'])).toBe(true);
});

test('--project=name and --project a b are both read', () => {
  expect(projectsOnCommandLine(['test', '--project=unit', '--project', 'infra', 'conformance', '--workers=2'])).toStrictEqual([
    'unit',
    'infra',
    'conformance',
  ]);
});

test('only the project\'s own tests: no stack', () => {
  expect(suiteSelected(['test', '--project=unit', '--project=conformance'])).toBe(false);
});

test('the suite or its serial part, or a glob, needs the stack', () => {
  expect(suiteSelected(['test', '--project=unit', '--project=suite'])).toBe(true);
  expect(suiteSelected(['test', '--project', 'suite-serial'])).toBe(true);
  expect(suiteSelected(['test', '--project=s*'])).toBe(true);
});
