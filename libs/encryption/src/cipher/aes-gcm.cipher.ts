import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decryptionErrors } from '../errors/decryption-error.messages';
import { ownAes256Key } from './cipher-key.check';
import { decodeCiphertext, encodeCiphertext } from './ciphertext-encoding.codec';
import { GCM_TAG_LENGTH, GcmLayout, resolveGcmLayout } from './gcm-layout';
import { QueryCipher } from './query-cipher.interface';
import { decodeUtf8Strict } from './utf8.decoder';

const ALGORITHM = 'aes-256-gcm';

/**
 * The Argos "GCM-256" cipher: AES-256-GCM with a fresh random nonce per encryption and a 16-byte tag,
 * laid out as configured (the vendor does not document the layout).
 *
 * Random 96-bit nonces stay safe up to ~2^32 encryptions per key (NIST SP 800-38D); rotate keys long before.
 */
export class AesGcmCipher implements QueryCipher {
  readonly name = ALGORITHM;
  readonly layout: Readonly<GcmLayout>;
  private readonly key: Buffer;

  constructor(key: Buffer, layout?: Partial<GcmLayout>) {
    this.key = ownAes256Key(key);
    this.layout = Object.freeze(resolveGcmLayout(layout));
  }

  encrypt(plaintext: string): string {
    const { nonceLength, order, encoding } = this.layout;
    const nonce = randomBytes(nonceLength);
    const cipher = createCipheriv(ALGORITHM, this.key, nonce, { authTagLength: GCM_TAG_LENGTH });
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const parts = order === 'nonce-ciphertext-tag' ? [nonce, body, tag] : [nonce, tag, body];
    return encodeCiphertext(Buffer.concat(parts), encoding);
  }

  decrypt(ciphertext: string): string {
    const { nonceLength, order, encoding } = this.layout;
    const bytes = decodeCiphertext(ciphertext, encoding);
    if (bytes.length < nonceLength + GCM_TAG_LENGTH) throw decryptionErrors.tooShort();
    const nonce = bytes.subarray(0, nonceLength);
    const [body, tag] =
      order === 'nonce-ciphertext-tag'
        ? [
            bytes.subarray(nonceLength, bytes.length - GCM_TAG_LENGTH),
            bytes.subarray(bytes.length - GCM_TAG_LENGTH),
          ]
        : [
            bytes.subarray(nonceLength + GCM_TAG_LENGTH),
            bytes.subarray(nonceLength, nonceLength + GCM_TAG_LENGTH),
          ];
    let plain: Buffer;
    try {
      // authTagLength pins the tag size: without it Node accepts a truncated tag (4..15 bytes) as valid.
      const decipher = createDecipheriv(ALGORITHM, this.key, nonce, { authTagLength: GCM_TAG_LENGTH });
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw decryptionErrors.authTagFailed();
    }
    const text = decodeUtf8Strict(plain);
    if (text === undefined) throw decryptionErrors.notUtf8();
    return text;
  }
}
