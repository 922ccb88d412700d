// Recorded vs actual response: status and Content-Type exactly, the body byte for byte after
// shape-compared values are described (shapes.ts). A mismatch reads as a compact diff.
import { byShape } from './shapes.js';

export type ResponseView = { status: number; contentType: string; body: string };

const CONTEXT = 60;

/** Where two texts first differ, with a little context on each side. */
function bodyDiff(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const from = Math.max(0, at - CONTEXT);
  const clip = (text: string): string =>
    `${from > 0 ? '…' : ''}${JSON.stringify(text.slice(from, at + CONTEXT)).slice(1, -1)}${text.length > at + CONTEXT ? '…' : ''}`;
  return [`body differs at byte ${at} (expected ${expected.length} bytes, got ${actual.length}):`, `  expected: ${clip(expected)}`, `  actual:   ${clip(actual)}`].join('\n');
}

/** Every way `actual` differs from `expected` (empty when they match). */
export function responseMismatches(expected: ResponseView, actual: ResponseView): string[] {
  const problems: string[] = [];
  if (expected.status !== actual.status) problems.push(`status: expected ${expected.status}, got ${actual.status}`);
  if (expected.contentType !== actual.contentType) {
    problems.push(`content-type: expected "${expected.contentType}", got "${actual.contentType}"`);
  }
  const [want, got] = [byShape(expected.body), byShape(actual.body)];
  if (want !== got) problems.push(bodyDiff(want, got));
  return problems;
}
