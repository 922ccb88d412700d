// The grouping and ordering rules of sequences.ts, on the real transcripts and on small examples.
import { expect, test } from '@playwright/test';
import { exclusionOf, EXCLUDED } from './excluded.js';
import { recordedOrder, sequencesOf } from './sequences.js';
import { FOLDERS, loadFolder } from './transcript.js';
import type { RecordedExchange } from './transcript.js';

const exchange = (name: string, variables: Record<string, string> = { '<EMAIL_X>': 'fid.x.abcdefgh@example.com' }): RecordedExchange => ({
  case: name,
  magento: '2.4.8',
  request: { method: 'GET', path: '/rest/V1/no/such/route', headers: {} },
  response: { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' },
  variables,
  file: `${name}.json`,
  folder: '2.4.8',
});

const order = (...names: string[]): string[] => recordedOrder(names.map((n) => exchange(n))).map((e) => e.case);

test('every replayed exchange is in exactly one sequence; the rest are excluded', () => {
  for (const { folder, version } of FOLDERS) {
    const transcripts = loadFolder(folder, version);
    const sequenced = sequencesOf(transcripts).flatMap((s) => s.exchanges.map((e) => e.case));
    const excluded = transcripts.exchanges.filter((e) => exclusionOf(folder, e.case) !== undefined).map((e) => e.case);
    expect(new Set(sequenced).size, folder).toBe(sequenced.length);
    expect([...sequenced, ...excluded].sort(), folder).toEqual(transcripts.exchanges.map((e) => e.case).sort());
  }
});

test('the throttle-default files of 2.4.8 are their own sequence, recorded under protection type 1', () => {
  const sequences = sequencesOf(loadFolder('2.4.8', '2.4.8'));
  const throttle = sequences.find((s) => s.exchanges.some((e) => e.case === 'throttle-default-initiate-first'));
  expect(throttle?.exchanges.every((e) => e.case.startsWith('throttle-default-'))).toBe(true);
  expect(throttle?.protectionType).toBe('1');
  expect(sequences.find((s) => s.exchanges.some((e) => e.case === 'initiate-valid'))?.protectionType).toBe('0');
});

test('every exclusion still names a recorded case', () => {
  const cases = FOLDERS.flatMap(({ folder, version }) => loadFolder(folder, version).exchanges.map((e) => [folder, e.case] as const));
  for (const key of EXCLUDED.keys()) {
    expect(cases.some(([folder, name]) => exclusionOf(folder, name) === key), key).toBe(true);
  }
});

test('`<x>-after-<y>`: x before y before x-after-y', () => {
  expect(order('w-initiate', 'w-token-validate-after-initiate', 'w-token-validate')).toEqual([
    'w-token-validate',
    'w-initiate',
    'w-token-validate-after-initiate',
  ]);
});

test('`<x>-then-…` after every `<x>-…`; numbers compare as numbers', () => {
  expect(order('t-then-right', 't-failed-10', 't-failed-2', 't-failed-1')).toEqual(['t-failed-1', 't-failed-2', 't-failed-10', 't-then-right']);
});

test('a case that knows fewer variables was recorded earlier', () => {
  const early = exchange('z-early');
  const late = exchange('a-late', { '<EMAIL_X>': 'fid.x.abcdefgh@example.com', '<ID_X>': '3' });
  expect(recordedOrder([late, early]).map((e) => e.case)).toEqual(['z-early', 'a-late']);
});
