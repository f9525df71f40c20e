import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 24; // 24 × log2(62) ≈ 142.9 bits

/**
 * A FaceAuth token id from the CSPRNG: 24 alphanumeric characters (≈143 bits), inside the vendor's token
 * alphabet and its 8-64 length, starting and ending alphanumeric by construction. Rejection sampling keeps
 * every character uniform.
 */
export function generateTokenId(): string {
  let id = '';
  while (id.length < LENGTH) {
    for (const byte of randomBytes(LENGTH * 2)) {
      if (byte < 248 && id.length < LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
