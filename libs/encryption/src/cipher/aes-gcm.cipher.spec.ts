import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { EncryptionConfigError } from '../errors/encryption-config.error';
import { deriveKey } from '../key/derive-key';
import { AesGcmCipher } from './aes-gcm.cipher';
import { GcmLayout } from './gcm-layout';

const key = deriveKey('GCM_TEST_KEY');
const TAG = 16;

function codeOf(run: () => unknown): DecryptionErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof DecryptionError ? error.code : 'other error';
  }
}

/** Splits a default-layout ciphertext into its parts with Node directly, to check our layout claims. */
function openManually(bytes: Buffer, layout: GcmLayout): string {
  const nonce = bytes.subarray(0, layout.nonceLength);
  const rest = bytes.subarray(layout.nonceLength);
  const [body, tag] =
    layout.order === 'nonce-ciphertext-tag'
      ? [rest.subarray(0, rest.length - TAG), rest.subarray(rest.length - TAG)]
      : [rest.subarray(TAG), rest.subarray(0, TAG)];
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

describe('AesGcmCipher', () => {
  const cipher = new AesGcmCipher(key);

  it('round-trips any well-formed Unicode string, including the empty string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
      }),
    );
  });

  it('uses a fresh random nonce for every encryption', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 500; i++)
      nonces.add(Buffer.from(cipher.encrypt('same'), 'base64').subarray(0, 12).toString('hex'));
    expect(nonces.size).toBe(500);
  });

  it('defaults to base64(nonce12 ‖ ciphertext ‖ tag16)', () => {
    const bytes = Buffer.from(cipher.encrypt('hello'), 'base64');
    expect(bytes).toHaveLength(12 + 5 + 16);
    expect(openManually(bytes, { nonceLength: 12, order: 'nonce-ciphertext-tag', encoding: 'base64' })).toBe(
      'hello',
    );
  });

  it.each<[Partial<GcmLayout>, (text: string) => Buffer]>([
    [{ order: 'nonce-tag-ciphertext' }, (text) => Buffer.from(text, 'base64')],
    [{ encoding: 'hex' }, (text) => Buffer.from(text, 'hex')],
    [{ encoding: 'base64url' }, (text) => Buffer.from(text, 'base64url')],
    [{ nonceLength: 16, order: 'nonce-tag-ciphertext', encoding: 'hex' }, (text) => Buffer.from(text, 'hex')],
  ])('honours the layout %j', (partial, decode) => {
    const custom = new AesGcmCipher(key, partial);
    const text = custom.encrypt('layout check ✓');
    expect(openManually(decode(text), custom.layout)).toBe('layout check ✓');
    expect(custom.decrypt(text)).toBe('layout check ✓');
    if (partial.encoding === 'hex') expect(text).toMatch(/^[0-9a-f]+$/);
    if (partial.encoding === 'base64url') expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('decrypts ciphertexts produced by a plain Node implementation of the default layout', () => {
    const nonce = Buffer.alloc(12, 7);
    const raw = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([raw.update('{"sid":"s"}', 'utf8'), raw.final()]);
    const text = Buffer.concat([nonce, body, raw.getAuthTag()]).toString('base64');
    expect(cipher.decrypt(text)).toBe('{"sid":"s"}');
  });

  it('rejects every single-bit flip of nonce, ciphertext and tag', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom<Partial<GcmLayout>>({}, { order: 'nonce-tag-ciphertext' }),
        (text, layout) => {
          const custom = new AesGcmCipher(key, layout);
          const bytes = Buffer.from(custom.encrypt(text), 'base64');
          for (let bit = 0; bit < bytes.length * 8; bit++) {
            const mutated = Buffer.from(bytes);
            mutated[bit >> 3] ^= 1 << (bit & 7);
            expect(codeOf(() => custom.decrypt(mutated.toString('base64')))).toBe(
              DecryptionErrorCode.AUTH_TAG_FAILED,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([4, 8, 12, 15])('rejects a tag truncated to %i bytes, in both layouts', (tagLength) => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const order of ['nonce-ciphertext-tag', 'nonce-tag-ciphertext'] as const) {
          const custom = new AesGcmCipher(key, { order });
          const bytes = Buffer.from(custom.encrypt(text), 'base64');
          const nonce = bytes.subarray(0, 12);
          const truncated =
            order === 'nonce-ciphertext-tag'
              ? bytes.subarray(0, bytes.length - TAG + tagLength)
              : Buffer.concat([nonce, bytes.subarray(12, 12 + tagLength), bytes.subarray(12 + TAG)]);
          const code = codeOf(() => custom.decrypt(truncated.toString('base64')));
          expect([DecryptionErrorCode.AUTH_TAG_FAILED, DecryptionErrorCode.BAD_CIPHERTEXT]).toContain(code);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a ciphertext shorter than nonce + tag as BAD_CIPHERTEXT', () => {
    expect(codeOf(() => cipher.decrypt(Buffer.alloc(27).toString('base64')))).toBe(
      DecryptionErrorCode.BAD_CIPHERTEXT,
    );
  });

  it('rejects a wrong key as AUTH_TAG_FAILED', () => {
    const other = new AesGcmCipher(deriveKey('OTHER'));
    expect(codeOf(() => other.decrypt(cipher.encrypt('secret')))).toBe(DecryptionErrorCode.AUTH_TAG_FAILED);
  });

  it('rejects authentic but non-UTF-8 plaintext as BAD_PLAINTEXT', () => {
    const nonce = Buffer.alloc(12, 1);
    const raw = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([raw.update(Buffer.from([0xc3, 0x28])), raw.final()]);
    const text = Buffer.concat([nonce, body, raw.getAuthTag()]).toString('base64');
    expect(codeOf(() => cipher.decrypt(text))).toBe(DecryptionErrorCode.BAD_PLAINTEXT);
  });

  it('never throws anything but DecryptionError on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.uint8Array({ maxLength: 90 }).map((b) => Buffer.from(b).toString('base64')),
        ),
        (text) => {
          expect(codeOf(() => cipher.decrypt(text))).not.toBe('other error');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rejects an unsafe nonce length at construction', () => {
    expect(() => new AesGcmCipher(key, { nonceLength: 8 })).toThrow(EncryptionConfigError);
    expect(() => new AesGcmCipher(key, { nonceLength: 8 })).toThrow(/gcmLayout\.nonceLength/);
  });
});
