import { DomainError, DomainErrorKind } from '../domain.error';

/** A position in a newest-first listing: rows strictly older than (createdAt, id). */
export interface KeysetPosition {
  createdAt: number;
  id: string;
}

/** The latest instant a `Date` can hold (epoch ms); no row of ours is created later. */
export const MAX_CURSOR_TIME = 8.64e15;

// Every listed id: UUIDs (links, runs, audit entries, inbox rows) and Argos authentication ids.
const CURSOR_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Opaque cursor: base64url of `{c: createdAt ms, i: id}`. */
export function encodeKeysetCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt.getTime(), i: id }), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back. Only what {@link encodeKeysetCursor} can produce passes: an integer time in
 * `[0, MAX_CURSOR_TIME]` and an id of the ids' alphabet, so nothing crafted reaches a statement.
 * @throws DomainError `INVALID_CURSOR` (kind invalid) for anything this API did not hand out.
 */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  let value: { c?: unknown; i?: unknown } | null = null;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
  } catch {
    // fall through to the typed error
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger(value.c) &&
    (value.c as number) >= 0 &&
    (value.c as number) <= MAX_CURSOR_TIME &&
    typeof value.i === 'string' &&
    CURSOR_ID.test(value.i)
  ) {
    return { createdAt: value.c as number, id: value.i };
  }
  throw new DomainError(
    'INVALID_CURSOR',
    DomainErrorKind.INVALID,
    'cursor is not a cursor returned by this API',
  );
}
