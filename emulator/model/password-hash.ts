// Customer passwords are kept as salted hashes, never in clear (Magento uses Argon2/SHA-256 with salt).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// A low scrypt cost: the emulator must stay fast under a parallel suite, not resist cracking.
const COST = { N: 1024, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const digest = scryptSync(password, salt, 32, COST);
  return `${salt.toString('hex')}:${digest.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  if (stored === null) return false;
  const [saltHex = '', digestHex = ''] = stored.split(':');
  const expected = Buffer.from(digestHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, COST);
  return timingSafeEqual(actual, expected);
}
