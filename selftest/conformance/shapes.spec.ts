// shapes.ts: run-dependent values compare equal when their shape matches, and only then.
import { expect, test } from '@playwright/test';
import { byShape } from './shapes.js';

const jwt = (payload: object, header: object = { kid: '1', alg: 'HS256' }): string =>
  `"${[header, payload].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.')}.c2lnbmF0dXJl"`;

test('JWTs with other values but the same claims compare equal', () => {
  expect(byShape(jwt({ uid: 8, utypid: 3, iat: 1, exp: 2 }))).toBe(byShape(jwt({ uid: 30, utypid: 3, iat: 5, exp: 9 })));
});

test('a JWT with another claim set, claim type, user type or header differs', () => {
  const base = byShape(jwt({ uid: 8, utypid: 3, iat: 1, exp: 2 }));
  expect(byShape(jwt({ uid: 8, utypid: 3, iat: 1 }))).not.toBe(base);
  expect(byShape(jwt({ uid: '8', utypid: 3, iat: 1, exp: 2 }))).not.toBe(base);
  expect(byShape(jwt({ uid: 8, utypid: 2, iat: 1, exp: 2 }))).not.toBe(base);
  expect(byShape(jwt({ uid: 8, utypid: 3, iat: 1, exp: 2 }, { alg: 'HS256' }))).not.toBe(base);
  expect(byShape('"not.a.jwt!"')).not.toBe(base);
});

test('timestamps compare by format only, and only where Magento puts them', () => {
  expect(byShape('{"created_at":"2026-11-27 05:33:09"}')).toBe(byShape('{"created_at":"2031-01-02 10:00:00"}'));
  expect(byShape('{"created_at":"2026-11-27T05:33:09"}')).not.toBe(byShape('{"created_at":"2026-11-27 05:33:09"}'));
  expect(byShape('{"email":"2026-11-27 05:33:09"}')).not.toBe(byShape('{"email":"2031-01-02 10:00:00"}'));
});

test("the error page's store URL and log number compare by shape", () => {
  const page = (host: string, log: string): string =>
    `<base href="http&#x3A;&#x2F;&#x2F;${host}&#x2F;errors&#x2F;default&#x2F;" />\nError log record number: ${log}`;
  expect(byShape(page('127.0.0.1&#x3A;8088', 'a'.repeat(64)))).toBe(byShape(page('127.0.0.1&#x3A;41234', 'b'.repeat(64))));
  expect(byShape(page('127.0.0.1&#x3A;8088', 'a'.repeat(64)))).not.toBe(byShape(page('127.0.0.1&#x3A;8088', 'short')));
});
