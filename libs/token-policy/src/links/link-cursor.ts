import { TokenError, TokenErrorCode } from '../policy/token.error';

/** Opaque keyset cursor: base64url of `{c: createdAt ms, i: id}`. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt.getTime(), i: id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (typeof value.c === 'number' && Number.isInteger(value.c) && typeof value.i === 'string' && value.i.length <= 36) {
      return { createdAt: value.c, id: value.i };
    }
  } catch {
    // fall through to the typed error
  }
  throw new TokenError(TokenErrorCode.INVALID_CURSOR, 'cursor is not a cursor returned by this API');
}
