// NUL, or a lone surrogate: with the `u` flag a well-formed pair is one code point, so \p{Cs} only
// matches unpaired halves. PostgreSQL refuses both in text columns; SQLite would store them.
const UNSAFE_TEXT = /[\0\p{Cs}]/u;

/**
 * True when `text` holds NUL (U+0000) or an unpaired UTF-16 surrogate: text no input of ours accepts, on
 * either database engine (one rule for request bodies, filters, path ids and webhook fields).
 */
export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}
