import { isUtf8 } from 'node:buffer';

/** Decodes UTF-8 or returns undefined: lenient decoding would hide a wrong key behind U+FFFD characters. */
export function decodeUtf8Strict(bytes: Buffer): string | undefined {
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}
