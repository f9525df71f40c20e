import fc from 'fast-check';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { decodeCiphertext, encodeCiphertext } from './ciphertext-encoding.codec';
import { GcmEncoding } from './gcm-layout';

function failure(run: () => unknown): DecryptionErrorCode | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DecryptionError) return error.code;
    throw error;
  }
}

describe('ciphertext encoding codec', () => {
  it.each<GcmEncoding>(['base64', 'base64url', 'hex'])(
    'round-trips any non-empty bytes as %s',
    (encoding) => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => {
          expect(
            decodeCiphertext(encodeCiphertext(Buffer.from(bytes), encoding), encoding).equals(
              Buffer.from(bytes),
            ),
          ).toBe(true);
        }),
      );
    },
  );

  it('emits standard padded base64 and unpadded base64url', () => {
    expect(encodeCiphertext(Buffer.from([0xfb, 0xff]), 'base64')).toBe('+/8=');
    expect(encodeCiphertext(Buffer.from([0xfb, 0xff]), 'base64url')).toBe('-_8');
  });

  it('maps spaces back to + in base64, even at the ends', () => {
    expect(decodeCiphertext(' /8=', 'base64').equals(Buffer.from([0xfb, 0xff]))).toBe(true);
    expect(decodeCiphertext('AAA ', 'base64').equals(Buffer.from('AAA+', 'base64'))).toBe(true);
  });

  it.each<[string, GcmEncoding]>([
    ['AB$C', 'base64'],
    ['AB-_', 'base64'],
    ['AB+/', 'base64url'],
    ['A', 'base64'],
    ['AB=', 'base64'],
    ['AB===', 'base64'],
    ['A=BC', 'base64'],
    ['abc', 'hex'],
    ['zz', 'hex'],
    ['AB CD', 'base64url'],
  ])('rejects %j as %s with BAD_ENCODING', (text, encoding) => {
    expect(failure(() => decodeCiphertext(text, encoding))).toBe(DecryptionErrorCode.BAD_ENCODING);
  });

  it('rejects empty input with EMPTY_INPUT', () => {
    expect(failure(() => decodeCiphertext('\n', 'base64'))).toBe(DecryptionErrorCode.EMPTY_INPUT);
  });

  it('never echoes the input in its error message', () => {
    const secret = 'SECRETSECRET$';
    try {
      decodeCiphertext(secret, 'base64');
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });
});
