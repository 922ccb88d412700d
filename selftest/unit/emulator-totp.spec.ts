// The emulator's Google Authenticator check against RFC 6238's own test vector and otphp's leeway
// (HARDENED.md §1: `twofactorauth/google/leeway` 29 s, so the neighbouring step's code passes too).
import { expect, test } from '@playwright/test';
import { base32Decode, base32Encode, totpAt, totpMatches } from '../../emulator/model/totp.js';

// RFC 6238 appendix B, SHA1: the ASCII secret "12345678901234567890" at T = 59 s gives 94287082 (8 digits; 6: 287082).
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('the code is RFC 6238 (SHA1, 30 s, the last 6 digits)', () => {
  expect(totpAt(base32Decode(RFC_SECRET) ?? Buffer.alloc(0), 59)).toBe('287082');
  expect(totpAt(base32Decode(RFC_SECRET) ?? Buffer.alloc(0), 1111111109)).toBe('081804');
});

test('with a 29 s leeway the neighbouring step is accepted, two steps off is not', () => {
  const key = base32Decode(RFC_SECRET) ?? Buffer.alloc(0);
  const now = new Date(999_999_990 * 1000); // the first second of its step
  const at = (offsetSteps: number): string => totpAt(key, 999_999_990 + offsetSteps * 30);
  expect(totpMatches(RFC_SECRET, at(0), now, 29)).toBe(true);
  expect(totpMatches(RFC_SECRET, at(-1), now, 29)).toBe(true); // now − 29 s falls in the previous step
  expect(totpMatches(RFC_SECRET, at(1), now, 29)).toBe(false); // now + 29 s is still this step
  expect(totpMatches(RFC_SECRET, at(-2), now, 29)).toBe(false);
  expect(totpMatches(RFC_SECRET, at(-1), now, 0)).toBe(false);
  expect(totpMatches(RFC_SECRET, '', now, 29)).toBe(false);
});
