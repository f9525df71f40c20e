import { KeysetPosition, sqlFamily, SqlFamily } from '@faceauth/core';
import { TOKEN_STATUSES, TokenStatus } from '../policy/link-policy';
import { endedByTimeSql, usedUpSql } from './token-status.sql';

export interface TokenListFilter {
  sid?: string;
  authUserId?: string;
  project?: string;
  /** Exact match on the company's own reference (indexed). */
  clientReference?: string;
  status?: TokenStatus;
  /** Keyset position: rows strictly older than this (createdAt desc, id desc). */
  after?: KeysetPosition;
  limit: number;
}

const USED = usedUpSql('t');
const expired = (now: string): string => endedByTimeSql('t', now);

/** SQL for each derived status at `now` (a placeholder); mirrors `tokenStatus()` (a test checks they agree). */
const STATUS_SQL: Record<TokenStatus, (now: string) => string> = {
  revoked: () => 't.revoked_at IS NOT NULL',
  used: () => `t.revoked_at IS NULL AND ${USED}`,
  expired: (now) => `t.revoked_at IS NULL AND NOT ${USED} AND ${expired(now)}`,
  active: (now) => `t.revoked_at IS NULL AND NOT ${USED} AND NOT ${expired(now)}`,
};

// The shape of a listing, as a number: which filters it has (bits) and its status (× 32, 0 for none).
const SID = 1;
const USER = 2;
const PROJECT = 4;
const AFTER = 8;
const CLIENT_REFERENCE = 16;
const STATUS_STEP = 32;
const SHAPES = Array.from({ length: STATUS_STEP * (TOKEN_STATUSES.length + 1) }, (_v, key) => key);

/** The text key of a filter, for {@link tokenListSql}. */
export function tokenListKey(filter: TokenListFilter): number {
  const status = filter.status === undefined ? 0 : TOKEN_STATUSES.indexOf(filter.status) + 1;
  return (
    (filter.sid !== undefined ? SID : 0) |
    (filter.authUserId !== undefined ? USER : 0) |
    (filter.project !== undefined ? PROJECT : 0) |
    (filter.clientReference !== undefined ? CLIENT_REFERENCE : 0) |
    (filter.after ? AFTER : 0) |
    (status * STATUS_STEP)
  );
}

/** The parameters of a filter's text, in the order {@link tokenListSql} numbers them. */
export function tokenListValues(filter: TokenListFilter, now: Date): unknown[] {
  const values: unknown[] = [filter.limit];
  if (filter.sid !== undefined) values.push(filter.sid);
  if (filter.authUserId !== undefined) values.push(filter.authUserId);
  if (filter.project !== undefined) values.push(filter.project);
  if (filter.clientReference !== undefined) values.push(filter.clientReference);
  if (filter.status !== undefined && filter.status !== 'revoked' && filter.status !== 'used') {
    values.push(now.getTime());
  }
  if (filter.after) values.push(filter.after.createdAt, filter.after.id);
  return values;
}

function listText(columns: string, key: number): string {
  let n = 1; // $1: the limit
  const where: string[] = [];
  if (key & SID) where.push(`t.sid = $${++n}`);
  if (key & USER) where.push(`t.auth_user_id = $${++n}`);
  if (key & PROJECT) where.push(`t.project = $${++n}`);
  if (key & CLIENT_REFERENCE) where.push(`t.client_reference = $${++n}`);
  const status = TOKEN_STATUSES[Math.floor(key / STATUS_STEP) - 1];
  if (status === 'revoked' || status === 'used') where.push(STATUS_SQL[status](''));
  else if (status) where.push(STATUS_SQL[status](`$${++n}`));
  if (key & AFTER) {
    const at = `$${++n}`;
    const id = `$${++n}`;
    where.push(`(t.created_at, t.id) < (${at}, ${id})`);
  }
  return (
    `SELECT ${columns} FROM faceauth_tokens t` +
    (where.length > 0 ? ` WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '') +
    ' ORDER BY t.created_at DESC, t.id DESC LIMIT $1'
  );
}

/** Newest first, keyset-paginated, filterable by derived status at `now`: one text per filter shape. */
export function tokenListSql(columns: string): SqlFamily {
  return sqlFamily((key) => listText(columns, key), SHAPES);
}
