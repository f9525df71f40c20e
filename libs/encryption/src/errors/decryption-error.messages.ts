import { DecryptionErrorCode } from './decryption-error-code.enum';
import { DecryptionError } from './decryption.error';

// One factory per failure keeps the wording in one place and guarantees no caller can splice data into it.
export const decryptionErrors = {
  emptyInput: (): DecryptionError =>
    new DecryptionError(DecryptionErrorCode.EMPTY_INPUT, 'Nothing to decrypt: the input is empty'),
  badEncoding: (encoding: string): DecryptionError =>
    new DecryptionError(DecryptionErrorCode.BAD_ENCODING, `The ciphertext is not valid ${encoding}`),
  badCiphertext: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.BAD_CIPHERTEXT,
      'The ciphertext could not be decrypted: wrong key, wrong cipher or corrupted data',
    ),
  tooShort: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.BAD_CIPHERTEXT,
      'The ciphertext is too short for the configured GCM layout',
    ),
  authTagFailed: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.AUTH_TAG_FAILED,
      'The GCM authentication tag did not verify: wrong key, wrong layout, or tampered data',
    ),
  notUtf8: (): DecryptionError =>
    new DecryptionError(DecryptionErrorCode.BAD_PLAINTEXT, 'The decrypted plaintext is not valid UTF-8'),
  notJson: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.NOT_JSON,
      'The decrypted plaintext is not JSON (wrong plaintext format?)',
    ),
  notAnObject: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.BAD_PLAINTEXT,
      'The decrypted plaintext is not a FaceAuth query object',
    ),
  notAQueryString: (): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.BAD_PLAINTEXT,
      'The decrypted plaintext is not a FaceAuth query string',
    ),
  missingSid: (): DecryptionError =>
    new DecryptionError(DecryptionErrorCode.MISSING_SID, 'The decrypted query has no sid', 'sid'),
  invalidField: (field: string | undefined, reason: string): DecryptionError =>
    new DecryptionError(
      DecryptionErrorCode.INVALID_FIELD,
      field === undefined
        ? `The decrypted query is invalid: ${reason}`
        : `The decrypted query field ${field} is invalid: ${reason}`,
      field,
    ),
  badUrl: (reason: string): DecryptionError =>
    new DecryptionError(DecryptionErrorCode.BAD_URL, `Not a usable Face Auth URL: ${reason}`),
};
