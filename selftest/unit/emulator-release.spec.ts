import { expect, test } from '@playwright/test';
import { JwtIssuer } from '../../emulator/model/jwt.js';
import { dropsRespelledKeys, jwtNewestKeyOnly, parseRelease, release, returnPathBreaksSending } from '../../emulator/model/release.js';

test('a release name is a line and a patch; anything else is not a release', () => {
  expect(parseRelease('2.4.7-p6')).toStrictEqual({ line: '2.4.7', patch: 6, name: '2.4.7-p6' });
  expect(parseRelease('2.4.9')).toStrictEqual({ line: '2.4.9', patch: 0, name: '2.4.9' });
  for (const name of ['2.4.5', '2.4.8-p0', '2.4.10', '2.4.8p1', '']) expect(parseRelease(name)).toBeUndefined();
});

test('a PUT keeps the first spelling of a repeated key from 2.4.6-p8 / 2.4.7-p1 on; 2.4.6-p6/p7 dedupe every method', () => {
  const puts = ['2.4.6', '2.4.6-p8', '2.4.7', '2.4.7-p1', '2.4.7-p99', '2.4.8', '2.4.9'].map((name) => dropsRespelledKeys(release(name), 'PUT'));
  expect(puts).toEqual([false, true, false, true, true, true, true]);
  const posts = ['2.4.6-p5', '2.4.6-p6', '2.4.6-p7', '2.4.6-p8', '2.4.7-p6'].map((name) => dropsRespelledKeys(release(name), 'POST'));
  expect(posts).toEqual([false, true, true, false, false]);
});

test('only 2.4.8 GA fails to send with a return path; a later patch answers as the newest known', () => {
  expect(['2.4.7', '2.4.8', '2.4.8-p1', '2.4.8-p5', '2.4.9'].map((name) => returnPathBreaksSending(release(name)))).toEqual([false, true, false, false, false]);
});

for (const [name, oldTokenAfterRotation] of [
  ['2.4.7', 'accepted'],
  ['2.4.7-p1', 'accepted'],
  ['2.4.7-p2', 'refused'],
  ['2.4.6-p7', 'refused'],
  ['2.4.8', 'refused'],
] as const) {
  test(`${name}: after a crypt/key rotation a JWT signed before is ${oldTokenAfterRotation}, a new one works`, () => {
    const jwt = new JwtIssuer(jwtNewestKeyOnly(release(name)));
    const now = new Date();
    const before = jwt.issue('customer', 7, now, 60);
    jwt.rotateKey();
    const after = jwt.issue('customer', 7, new Date(now.getTime() + 1000), 60);
    expect(jwt.read(before, now) === undefined ? 'refused' : 'accepted').toBe(oldTokenAfterRotation);
    expect(jwt.read(after, now)?.uid).toBe(7);
  });
}
