import { CipherName } from './cipher-name.type';

/**
 * A string-to-string cipher bound to one key. It encrypts any UTF-8 text, not only FaceAuth queries
 * (Argos "secure data transmission" webhook bodies use the same scheme).
 */
export interface QueryCipher {
  readonly name: CipherName;
  /** Encrypts UTF-8 text (lone surrogates become U+FFFD, as in any UTF-8 encoding) to the textual ciphertext. */
  encrypt(plaintext: string): string;
  /** Decrypts a textual ciphertext; throws `DecryptionError` and nothing else. */
  decrypt(ciphertext: string): string;
}
