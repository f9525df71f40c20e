/**
 * Cross-checks libs/encryption against an independent implementation: the `openssl` binary, run as a
 * child process. Skips nothing: the suite fails if openssl is missing, since the check would be void.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { AesEcbCipher, ARGOS_TEST_VECTOR, deriveKey } from '@faceauth/encryption';

function openssl(args: string[], input: string | Buffer): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('libs/encryption against openssl', () => {
  it('derives the same key as `openssl dgst -sha256` for the test vector and arbitrary key strings', () => {
    const check = (keyString: string): void => {
      const line = openssl(['dgst', '-sha256', '-r'], Buffer.from(keyString, 'utf8'));
      expect(deriveKey(keyString).toString('hex')).toBe(line.split(' ')[0]);
    };
    check(ARGOS_TEST_VECTOR.keyString);
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), check), {
      numRuns: 15,
    });
  });

  it('produces the same AES-256-ECB/PKCS#7/base64 ciphertext as `openssl enc` for arbitrary plaintexts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        (plaintext, keyString) => {
          const key = deriveKey(keyString);
          const theirs = openssl(
            ['enc', '-aes-256-ecb', '-K', key.toString('hex'), '-base64', '-A'],
            Buffer.from(plaintext, 'utf8'),
          ).trim();
          const cipher = new AesEcbCipher(key);
          expect(cipher.encrypt(plaintext)).toBe(theirs);
          expect(cipher.decrypt(theirs)).toBe(plaintext);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('agrees with openssl on the contract test vector', () => {
    const key = deriveKey(ARGOS_TEST_VECTOR.keyString).toString('hex');
    const decrypted = openssl(
      ['enc', '-d', '-aes-256-ecb', '-K', key, '-base64', '-A'],
      ARGOS_TEST_VECTOR.ciphertext,
    );
    expect(decrypted).toBe(ARGOS_TEST_VECTOR.plaintext);
  });
});
