/** Why a ciphertext, a Face Auth URL or a decrypted plaintext was rejected. */
export enum DecryptionErrorCode {
  /** Nothing to decrypt (empty or whitespace-only input). */
  EMPTY_INPUT = 'EMPTY_INPUT',
  /** The text is not valid base64 / base64url / hex for the configured encoding. */
  BAD_ENCODING = 'BAD_ENCODING',
  /** Wrong key, wrong cipher, wrong length, bad padding or corrupted bytes. */
  BAD_CIPHERTEXT = 'BAD_CIPHERTEXT',
  /** AES-GCM authentication failed: wrong key, wrong layout, tampered or truncated data. */
  AUTH_TAG_FAILED = 'AUTH_TAG_FAILED',
  /** The plaintext format is `json` but the plaintext does not parse as JSON. */
  NOT_JSON = 'NOT_JSON',
  /** The plaintext is not a FaceAuth query (not UTF-8, not an object, not a query string). */
  BAD_PLAINTEXT = 'BAD_PLAINTEXT',
  /** The decrypted query has no `sid`. */
  MISSING_SID = 'MISSING_SID',
  /** A decrypted query field is invalid or unknown (see `field`). */
  INVALID_FIELD = 'INVALID_FIELD',
  /** The input looks like a URL but is not a usable Face Auth URL. */
  BAD_URL = 'BAD_URL',
}
