import { createCipheriv, createDecipheriv } from 'node:crypto';
import { decryptionErrors } from '../errors/decryption-error.messages';
import { ownAes256Key } from './cipher-key.check';
import { decodeCiphertext } from './ciphertext-encoding.codec';
import { QueryCipher } from './query-cipher.interface';
import { decodeUtf8Strict } from './utf8.decoder';

const ALGORITHM = 'aes-256-ecb';
const BLOCK = 16;

/**
 * The Argos "AES-256" cipher: AES-256-ECB, no IV, PKCS#7 padding, standard base64 output.
 *
 * ECB is deterministic and malleable (blocks of two ciphertexts splice into a valid third): it is a
 * vendor-forced choice and nothing security-relevant may rest on the ciphertext alone.
 */
export class AesEcbCipher implements QueryCipher {
  readonly name = ALGORITHM;
  private readonly key: Buffer;

  constructor(key: Buffer) {
    this.key = ownAes256Key(key);
  }

  encrypt(plaintext: string): string {
    const cipher = createCipheriv(ALGORITHM, this.key, null);
    return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
  }

  decrypt(ciphertext: string): string {
    const bytes = decodeCiphertext(ciphertext, 'base64');
    if (bytes.length === 0 || bytes.length % BLOCK !== 0) throw decryptionErrors.badCiphertext();
    let plain: Buffer;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, null);
      plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
    } catch {
      // OpenSSL reports a bad PKCS#7 pad, which is what a wrong key or a corrupted block looks like.
      throw decryptionErrors.badCiphertext();
    }
    const text = decodeUtf8Strict(plain);
    // Without authentication, invalid UTF-8 is by far most likely a wrong key whose padding happened to fit.
    if (text === undefined) throw decryptionErrors.badCiphertext();
    return text;
  }
}
