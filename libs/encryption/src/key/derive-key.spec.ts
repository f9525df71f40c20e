import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { AES_256_KEY_LENGTH, deriveKey } from './derive-key';

describe('deriveKey', () => {
  it('derives the SHA-256 digest of the contract test vector key string', () => {
    expect(deriveKey(ARGOS_TEST_VECTOR.keyString).toString('hex')).toBe(ARGOS_TEST_VECTOR.keySha256Hex);
  });

  it('returns 32 raw bytes, hashing the key string as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (keyString) => {
        const key = deriveKey(keyString);
        expect(key).toHaveLength(AES_256_KEY_LENGTH);
        expect(key.equals(createHash('sha256').update(Buffer.from(keyString, 'utf8')).digest())).toBe(true);
      }),
    );
  });

  it('gives different keys to different key strings', () => {
    expect(deriveKey('key-a').equals(deriveKey('key-b'))).toBe(false);
  });
});
