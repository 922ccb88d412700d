// The suite's own contract, judged by the recordings: its schemas must take every real answer, its
// messages must be ones Magento sends, and each recorded case should be asserted by some suite test.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fromCode } from '../../fixtures/read-from-code.js';
import { kindOf } from './contracts.js';
import { README, coverageTable, readmeWith } from './coverage.js';
import { MESSAGE_SETS, markedEntries, unrecordedMessages, type MessageSet } from './message-sets.js';
import { caseKey, loadRecordings } from './recordings.js';
import { assertionsOf, listTranscriptAnnotations } from './suite-assertions.js';

const recordings = loadRecordings();

/** Items grouped under a heading each, for the output: one a line, or (`inline`) all on the heading's line. */
const grouped = (entries: readonly (readonly [string, string])[], inline = false): string => {
  const groups = new Map<string, string[]>();
  for (const [heading, item] of entries) groups.set(heading, [...(groups.get(heading) ?? []), item]);
  const list = (items: string[]) => (inline ? ` ${items.join(', ')}` : `\n  ${items.join('\n  ')}`);
  return [...groups].map(([heading, items]) => `${heading} (${items.length}):${list(items)}`).join('\n');
};

test('every recorded answer parses with the suite\'s own schema for its route and outcome', () => {
  const refused: string[] = [];
  const unjudged: [string, string][] = [];
  for (const recorded of recordings) {
    const kind = kindOf(recorded.exchange);
    const route = kind.routeOf(recorded.exchange);
    const verdict = kind.judge(recorded.exchange, route);
    const where = `${caseKey(recorded)} (${route} → ${recorded.exchange.response.status})`;
    if (!verdict.judged) unjudged.push([`${recorded.folder}/: ${verdict.reason}`, verdict.detail ? `${where}: ${verdict.detail}` : where]);
    else if (verdict.refusal !== undefined) refused.push(`${where}: ${verdict.refusal}`);
  }
  // Not judged is not passed: each such case is listed, so the lead sees what still needs a suite schema.
  if (unjudged.length > 0) console.log(`Not judged, no suite schema:\n${grouped(unjudged)}`);
  expect(refused, `the suite's schemas refuse ${refused.length} real answer(s):\n${refused.join('\n')}`).toEqual([]);
  expect(recordings.length - unjudged.length, 'no recorded answer was judged at all').toBeGreaterThan(0);
});

for (const set of MESSAGE_SETS) {
  test(`every message in ${set.name} occurs verbatim in a recording, or is marked as read from Magento's code`, () => {
    const unrecorded = unrecordedMessages(set, recordings);
    const marked = [...set.readFromCode].map(([entry, file]) => `${entry}: read from ${file}`);
    if (marked.length > 0) console.log(`${set.name}, not recorded but read from Magento's code:\n  ${marked.join('\n  ')}`);
    const listed = unrecorded.map(({ entry, body }) => `${entry}: ${JSON.stringify(body)}`);
    expect(listed, `${set.name}: ${listed.length} expected message(s) no recording holds:\n${listed.join('\n')}`).toEqual([]);
  });
}

test("a message marked as read from Magento's code needs no recording; unmarked, it is listed", () => {
  const invented = { message: 'A message no recorded Magento sent.' };
  const entries = { marked: fromCode('Magento/Example/Model/Example.php', { ...invented }), unmarked: { ...invented } };
  const [rest] = MESSAGE_SETS;
  if (rest === undefined) throw new Error('no message set registered');
  const example: MessageSet = {
    ...rest,
    expected: Object.entries(entries).map(([entry, body]) => ({ entry, body })),
    readFromCode: markedEntries(entries),
  };
  expect(example.readFromCode).toEqual(new Map([['marked', 'Magento/Example/Model/Example.php']]));
  expect(unrecordedMessages(example, recordings).map(({ entry }) => entry)).toEqual(['unmarked']);
});

test.describe('recorded cases and the suite tests asserting them', () => {
  test.describe.configure({ timeout: 90_000 });
  let assertions: ReturnType<typeof assertionsOf>;
  test.beforeAll(() => {
    assertions = assertionsOf(recordings, listTranscriptAnnotations());
  });

  test('every transcript annotation of a suite test names a recorded case; the unasserted cases are listed', async () => {
    const mapping = Object.fromEntries([...assertions.testsByCase].map(([key, tests]) => [key, [...tests]]));
    await test.info().attach('recorded case → suite tests.json', { body: JSON.stringify(mapping, null, 2), contentType: 'application/json' });
    const unasserted = recordings.filter((recorded) => assertions.testsByCase.get(caseKey(recorded))?.size === 0);
    console.log(`Recorded cases no suite test asserts (${unasserted.length} of ${recordings.length}):\n${grouped(
      unasserted.map((recorded) => [`${recorded.folder}/`, recorded.name]),
      true,
    )}`);
    expect(assertions.dangling, `annotations naming no recorded case:\n${assertions.dangling.join('\n')}`).toEqual([]);
  });

  test('the README\'s coverage table is the one generated from the recordings and annotations', () => {
    const readme = readFileSync(README, 'utf8');
    const expected = readmeWith(coverageTable(recordings, assertions.testsByCase), readme);
    expect(readme === expected, 'README.md: the coverage table is stale; run `npm run coverage:table`').toBe(true);
  });
});
