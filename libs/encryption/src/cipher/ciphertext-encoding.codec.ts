import { decryptionErrors } from '../errors/decryption-error.messages';
import { GcmEncoding } from './gcm-layout';

const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
const BASE64URL_BODY = /^[A-Za-z0-9_-]*$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const LINE_BREAKS_AROUND = /^[\t\r\n]+|[\t\r\n]+$/g;

/** Encodes ciphertext bytes as text. base64url is emitted without padding, as RFC 4648 §5 allows. */
export function encodeCiphertext(bytes: Buffer, encoding: GcmEncoding): string {
  return bytes.toString(encoding);
}

/**
 * Decodes textual ciphertext strictly: Node's own decoder silently skips invalid characters, which would
 * turn garbage into "wrong key" errors instead of a clear encoding error.
 *
 * Tolerated, because each is unambiguous and common in copy/paste and URL handling:
 * - surrounding line breaks and tabs (a trailing newline from a file or stdin);
 * - missing `=` padding;
 * - for base64, spaces inside the text: a ciphertext put in a URL without `encodeURIComponent` comes
 *   back from a form decoder with every `+` turned into a space, and a space is never valid base64.
 */
export function decodeCiphertext(text: string, encoding: GcmEncoding): Buffer {
  if (text.trim().length === 0) throw decryptionErrors.emptyInput();
  if (encoding === 'hex') {
    const hex = text.trim();
    if (!HEX.test(hex)) throw decryptionErrors.badEncoding('hex');
    return Buffer.from(hex, 'hex');
  }
  // Spaces are mapped rather than trimmed: a leading or trailing '+' also comes back as a space.
  const stripped = text.replace(LINE_BREAKS_AROUND, '');
  const candidate = encoding === 'base64' ? stripped.replaceAll(' ', '+') : stripped.trim();
  let end = candidate.length;
  while (end > 0 && candidate.charCodeAt(end - 1) === 0x3d /* = */) end--;
  const body = candidate.slice(0, end);
  const padding = candidate.length - end;
  const alphabet = encoding === 'base64' ? BASE64_BODY : BASE64URL_BODY;
  // A body of 4n+1 characters cannot come from any byte string; padding, if present, must be exact.
  if (
    !alphabet.test(body) ||
    body.length % 4 === 1 ||
    padding > 2 ||
    (padding > 0 && candidate.length % 4 !== 0)
  ) {
    throw decryptionErrors.badEncoding(encoding);
  }
  return Buffer.from(body, encoding);
}
