import { KeysetPosition, sqlFamily, SqlFamily } from '@faceauth/core';

export interface ResultListFilter {
  submissionId?: string;
  authUserId?: string;
  linkId?: string;
  status?: string;
  project?: string;
  from?: Date;
  to?: Date;
  after?: KeysetPosition;
  limit: number;
}

/** Each optional equality filter: its bit in a listing's shape, and its column. */
const EQUALS = [
  ['submissionId', 'submission_id'],
  ['authUserId', 'auth_user_id'],
  ['linkId', 'link_id'],
  ['status', 'status'],
  ['project', 'project'],
] as const;
const FROM = 1 << EQUALS.length;
const TO = FROM << 1;
const AFTER = TO << 1;
const SHAPES = Array.from({ length: AFTER << 1 }, (_v, key) => key);

/** The text key of a filter: which filters it has, as bits. */
export function resultListKey(filter: ResultListFilter): number {
  let key = 0;
  EQUALS.forEach(([field], bit) => {
    if (filter[field] !== undefined) key |= 1 << bit;
  });
  return key | (filter.from ? FROM : 0) | (filter.to ? TO : 0) | (filter.after ? AFTER : 0);
}

/** The parameters of a filter's text, in the order its text numbers them (`$1` is the limit). */
export function resultListValues(filter: ResultListFilter): unknown[] {
  const values: unknown[] = [filter.limit];
  for (const [field] of EQUALS) if (filter[field] !== undefined) values.push(filter[field]);
  if (filter.from) values.push(filter.from.getTime());
  if (filter.to) values.push(filter.to.getTime());
  if (filter.after) values.push(filter.after.createdAt, filter.after.id);
  return values;
}

function listText(columns: string, key: number): string {
  let n = 1;
  const where: string[] = [];
  EQUALS.forEach(([, column], bit) => {
    if (key & (1 << bit)) where.push(`${column} = $${++n}`);
  });
  if (key & FROM) where.push(`created_at >= $${++n}`);
  if (key & TO) where.push(`created_at < $${++n}`);
  if (key & AFTER) {
    const at = `$${++n}`;
    const id = `$${++n}`;
    where.push(`(created_at, auth_id) < (${at}, ${id})`);
  }
  return (
    `SELECT ${columns} FROM faceauth_results` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ' ORDER BY created_at DESC, auth_id DESC LIMIT $1'
  );
}

/** Newest first, keyset-paginated: one text per filter shape, built when first used. */
export function resultListSql(columns: string): SqlFamily {
  return sqlFamily((key) => listText(columns, key), SHAPES);
}
