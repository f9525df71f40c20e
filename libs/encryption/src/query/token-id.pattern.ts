/**
 * Token ids accepted by the Argos form: 8-64 characters of `[A-Za-z0-9._-]`, starting and ending with a
 * letter or digit (ARGOS-CONTRACT.md section 3).
 */
export const TOKEN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{6,62}[A-Za-z0-9]$/;

/** True when `s` is a token id Argos accepts. */
export function isValidTokenId(s: string): boolean {
  return TOKEN_ID_PATTERN.test(s);
}
