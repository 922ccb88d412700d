// Customer passwords are kept as salted hashes, never in clear. The format is Magento's SHA-256 hash version
// (Magento\Framework\Encryption\Encryptor, HASH_VERSION_SHA256 = 1: sha256(salt . password), stored as
// "hash:salt:1"); Magento prefers Argon2id where sodium has it, but a cheap hash keeps the emulator fast
// under a parallel suite (scrypt was a quarter of its CPU), and no answer shows the hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SHA256_VERSION = '1';

const digestOf = (salt: string, password: string): Buffer => createHash('sha256').update(salt + password).digest();

export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${digestOf(salt, password).toString('hex')}:${salt}:${SHA256_VERSION}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  if (stored === null) return false;
  const [digestHex = '', salt = '', version = ''] = stored.split(':');
  const expected = Buffer.from(digestHex, 'hex');
  const actual = digestOf(salt, password);
  return version === SHA256_VERSION && expected.length === actual.length && timingSafeEqual(actual, expected);
}
