/** Image types Argos produces and accepts. */
export type FaceImageMimeType = 'image/jpeg' | 'image/png';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The image type by magic bytes (never by file name or declared type), or undefined for anything
 * else. Shared by the image download and by callers that check uploads.
 */
export function detectImageMimeType(bytes: Uint8Array): FaceImageMimeType | undefined {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}
