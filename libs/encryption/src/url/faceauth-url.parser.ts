import { decryptionErrors } from '../errors/decryption-error.messages';

/** The clear-text parts of a Face Auth URL, with `encrypted` URL-decoded. */
export interface ParsedFaceAuthUrl {
  pid?: string;
  lang?: string;
  encrypted: string;
}

const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * Accepts a whole Face Auth URL, its query string (`pid=…&encrypted=…`), or a bare ciphertext
 * (URL-encoded or not) and returns its parts. Throws `DecryptionError` (`EMPTY_INPUT`, `BAD_URL`,
 * `BAD_ENCODING`).
 */
export function parseFaceAuthUrl(input: string): ParsedFaceAuthUrl {
  const trimmed = input.trim();
  if (trimmed.length === 0) throw decryptionErrors.emptyInput();
  if (HAS_SCHEME.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw decryptionErrors.badUrl('the URL does not parse');
    }
    return fromParams(url.searchParams);
  }
  if (trimmed.includes('encrypted=')) return fromParams(new URLSearchParams(trimmed));
  // A bare ciphertext goes through untrimmed: a space in it may be a '+' that form decoding turned into
  // a space, and the ciphertext decoder knows how to treat it. base64, base64url and hex never contain
  // '%', so URL-decoding a bare ciphertext cannot corrupt it.
  if (!input.includes('%')) return { encrypted: input };
  try {
    return { encrypted: decodeURIComponent(input) };
  } catch {
    throw decryptionErrors.badEncoding('URL encoding');
  }
}

function fromParams(params: URLSearchParams): ParsedFaceAuthUrl {
  const all = params.getAll('encrypted');
  const [encrypted] = all;
  if (all.length !== 1 || encrypted === undefined || encrypted === '') {
    throw decryptionErrors.badUrl('it needs exactly one non-empty "encrypted" parameter');
  }
  // URLSearchParams turns '+' into ' ' (form decoding); the base64 decoder maps spaces back to '+'.
  const parsed: ParsedFaceAuthUrl = { encrypted };
  const pid = params.get('pid');
  const lang = params.get('lang');
  if (pid !== null && pid !== '') parsed.pid = pid;
  if (lang !== null && lang !== '') parsed.lang = lang;
  return parsed;
}
