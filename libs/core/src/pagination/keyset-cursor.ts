import { DomainError, DomainErrorKind } from '../domain.error';

/** A position in a newest-first listing: rows strictly older than (createdAt, id). */
export interface KeysetPosition {
  createdAt: number;
  id: string;
}

/** Opaque cursor: base64url of `{c: createdAt ms, i: id}`. */
export function encodeKeysetCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt.getTime(), i: id }), 'utf8').toString('base64url');
}

/** @throws DomainError `INVALID_CURSOR` (kind invalid) for anything this API did not hand out. */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      c?: unknown;
      i?: unknown;
    };
    if (
      typeof value.c === 'number' &&
      Number.isInteger(value.c) &&
      typeof value.i === 'string' &&
      value.i.length <= 128
    ) {
      return { createdAt: value.c, id: value.i };
    }
  } catch {
    // fall through to the typed error
  }
  throw new DomainError(
    'INVALID_CURSOR',
    DomainErrorKind.INVALID,
    'cursor is not a cursor returned by this API',
  );
}
