import { DecryptionErrorCode } from './decryption-error-code.enum';

/**
 * Raised for every decryption or decoding failure, instead of a raw crypto exception.
 *
 * The message is built from the code only (plus a known field name or encoding name): it never carries
 * key material, plaintext or ciphertext, so it is safe to log and to show to an API caller.
 */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';

  constructor(
    readonly code: DecryptionErrorCode,
    message: string,
    /** The query field concerned, for `MISSING_SID` and `INVALID_FIELD` when it is a known field. */
    readonly field?: string,
  ) {
    super(message);
  }
}
