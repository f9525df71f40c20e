import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { EncryptionConfigError } from '../errors/encryption-config.error';
import { deriveKey } from '../key/derive-key';
import { AesEcbCipher } from './aes-ecb.cipher';

const key = deriveKey(ARGOS_TEST_VECTOR.keyString);
const cipher = new AesEcbCipher(key);

function codeOf(run: () => unknown): DecryptionErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof DecryptionError ? error.code : 'other error';
  }
}

describe('AesEcbCipher', () => {
  it('encrypts the contract test vector exactly', () => {
    expect(cipher.encrypt(ARGOS_TEST_VECTOR.plaintext)).toBe(ARGOS_TEST_VECTOR.ciphertext);
  });

  it('decrypts the contract test vector exactly', () => {
    expect(cipher.decrypt(ARGOS_TEST_VECTOR.ciphertext)).toBe(ARGOS_TEST_VECTOR.plaintext);
  });

  it('is deterministic, as ECB is (documented risk)', () => {
    expect(cipher.encrypt('same')).toBe(cipher.encrypt('same'));
  });

  it('round-trips any well-formed Unicode string, including the empty string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
      }),
    );
  });

  it('keeps its own copy of the key', () => {
    const callerKey = Buffer.from(key);
    const own = new AesEcbCipher(callerKey);
    callerKey.fill(0);
    expect(own.encrypt(ARGOS_TEST_VECTOR.plaintext)).toBe(ARGOS_TEST_VECTOR.ciphertext);
  });

  it('rejects a key that is not 32 bytes with a configuration error naming the option', () => {
    expect(() => new AesEcbCipher(Buffer.alloc(16))).toThrow(EncryptionConfigError);
    expect(() => new AesEcbCipher(Buffer.alloc(16))).toThrow(/key/);
  });

  describe('tolerated input variants', () => {
    const unpadded = ARGOS_TEST_VECTOR.ciphertext.replace(/=+$/, '');

    it.each([
      ['missing = padding', unpadded],
      ['+ turned into spaces by form decoding', ARGOS_TEST_VECTOR.ciphertext.replaceAll('+', ' ')],
      ['a trailing newline', `${ARGOS_TEST_VECTOR.ciphertext}\n`],
      ['surrounding CRLF and tabs', `\t${ARGOS_TEST_VECTOR.ciphertext}\r\n`],
    ])('accepts %s', (_label, input) => {
      expect(cipher.decrypt(input)).toBe(ARGOS_TEST_VECTOR.plaintext);
    });
  });

  describe('failures', () => {
    it.each([
      ['an empty string', '', DecryptionErrorCode.EMPTY_INPUT],
      ['whitespace only', ' \n', DecryptionErrorCode.EMPTY_INPUT],
      ['characters outside base64', 'abc$def', DecryptionErrorCode.BAD_ENCODING],
      [
        'base64url characters',
        ARGOS_TEST_VECTOR.ciphertext.replaceAll('+', '-'),
        DecryptionErrorCode.BAD_ENCODING,
      ],
      ['an impossible length (4n+1)', 'AAAAA', DecryptionErrorCode.BAD_ENCODING],
      ['too much padding', 'AA===', DecryptionErrorCode.BAD_ENCODING],
      [
        'a length that is not a whole block',
        Buffer.alloc(15).toString('base64'),
        DecryptionErrorCode.BAD_CIPHERTEXT,
      ],
    ])('rejects %s', (_label, input, code) => {
      expect(codeOf(() => cipher.decrypt(input))).toBe(code);
    });

    it('cannot notice a dropped block: ECB is malleable, which is why nothing security-relevant rests on it', () => {
      const bytes = Buffer.from(ARGOS_TEST_VECTOR.ciphertext, 'base64');
      const dropped = bytes.subarray(16).toString('base64');
      expect(cipher.decrypt(dropped)).toBe(ARGOS_TEST_VECTOR.plaintext.slice(16));
    });

    it('rejects the ciphertext under a wrong key as BAD_CIPHERTEXT', () => {
      const other = new AesEcbCipher(deriveKey('WRONG_KEY'));
      expect(codeOf(() => other.decrypt(ARGOS_TEST_VECTOR.ciphertext))).toBe(
        DecryptionErrorCode.BAD_CIPHERTEXT,
      );
    });

    it('rejects correctly padded but non-UTF-8 plaintext as BAD_CIPHERTEXT (wrong key whose pad happened to fit)', () => {
      const raw = createCipheriv('aes-256-ecb', key, null);
      const bytes = Buffer.concat([raw.update(Buffer.from([0xff, 0xfe, 0x80])), raw.final()]);
      expect(codeOf(() => cipher.decrypt(bytes.toString('base64')))).toBe(DecryptionErrorCode.BAD_CIPHERTEXT);
    });

    it('never throws anything but DecryptionError on random bytes', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 128 }), (bytes) => {
          const outcome = codeOf(() => cipher.decrypt(Buffer.from(bytes).toString('base64')));
          expect(outcome).not.toBe('other error');
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws anything but DecryptionError on random strings', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.base64String({ maxLength: 200 })),
          (text) => {
            expect(codeOf(() => cipher.decrypt(text))).not.toBe('other error');
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
