import { createHash } from 'node:crypto';

/** Length in bytes of an AES-256 key. */
export const AES_256_KEY_LENGTH = 32;

/**
 * Derives the AES-256 key from a FaceAuth key string (the project's Add-on API key, or its dedicated
 * `secretKey` when one was issued) as Argos documents it: the SHA-256 digest, used as 32 raw bytes.
 *
 * Costs ~2 µs: derive once per configured key at boot and keep the Buffer, never per request.
 */
export function deriveKey(keyString: string): Buffer {
  return createHash('sha256').update(keyString, 'utf8').digest();
}
