// Our run's one-time codes for the recorded ones (HARDENED.md §1): a code is only valid at request time,
// so `<OTP>` and `<OTP_ACTIVATE>` are computed then, of the secret they were computed of, and `<OTP_WRONG>`
// is a code that none of the five steps around now has (as recorded).
import { Secret, TOTP } from 'otpauth';

const totp = (base32Secret: string): TOTP => new TOTP({ secret: Secret.fromBase32(base32Secret), algorithm: 'SHA1', digits: 6, period: 30 });

export function currentCode(base32Secret: string): string {
  return totp(base32Secret).generate();
}

export function wrongCode(base32Secret: string): string {
  const generator = totp(base32Secret);
  const now = Date.now();
  const near = new Set([-2, -1, 0, 1, 2].map((step) => generator.generate({ timestamp: now + step * 30_000 })));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}
