// Google Authenticator codes as Magento_TwoFactorAuth checks them (spomky-labs/otphp 11 TOTP::verify):
// RFC 6238 with HMAC-SHA1, a 30 s step and 6 digits, of a base32 secret; with a leeway L (< 30 s) the
// codes at now − L, now and now + L are accepted, so the neighbouring step's code passes too.
import { createHmac } from 'node:crypto';

const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (upper or lower case, `=` padding optional); undefined for anything else. */
export function base32Decode(secret: string): Buffer | undefined {
  const clean = secret.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** The code for the step containing `unixSeconds`. */
export function totpAt(key: Buffer, unixSeconds: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / STEP_SECONDS)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** otphp's verify(otp, now, leeway); an empty or malformed code never matches. */
export function totpMatches(secret: string, otp: string, now: Date, leewaySeconds: number): boolean {
  const key = base32Decode(secret);
  if (key === undefined || !/^\d{6}$/.test(otp)) return false;
  const seconds = Math.floor(now.getTime() / 1000);
  const leeway = Math.min(Math.abs(leewaySeconds), STEP_SECONDS - 1);
  return [seconds - leeway, seconds, seconds + leeway].some((at) => totpAt(key, at) === otp);
}
