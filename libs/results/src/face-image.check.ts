import { ResultError, ResultErrorCode } from './results.error';

export type AcceptedImageType = 'image/jpeg' | 'image/png';

/** The image type by its magic bytes (the declared type and file name are not trusted). */
export function detectFaceImageType(bytes: Buffer): AcceptedImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  return null;
}

/** Refuses empty, oversized and non-JPEG/PNG uploads before any call to Argos. */
export function checkFaceImage(bytes: Buffer, maxBytes: number): AcceptedImageType {
  if (bytes.length === 0) throw new ResultError(ResultErrorCode.INVALID_IMAGE, 'faceImage is empty');
  if (bytes.length > maxBytes) {
    throw new ResultError(ResultErrorCode.IMAGE_TOO_LARGE, `faceImage is larger than ${maxBytes} bytes`);
  }
  const type = detectFaceImageType(bytes);
  if (!type) throw new ResultError(ResultErrorCode.INVALID_IMAGE, 'faceImage must be a JPEG or PNG image');
  return type;
}
