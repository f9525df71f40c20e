import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'fak_';

/** A newly generated internal API key: the secret is shown once, only the hash is stored. */
export interface GeneratedApiKey {
  key: string;
  hash: string;
  prefix: string;
}

/**
 * SHA-256 hex of a presented key. Keys are 256-bit random, so a fast hash is the right tool; the one-shot
 * `crypto.hash` avoids a Hash object per request.
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

export function generateApiKey(): GeneratedApiKey {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) };
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
