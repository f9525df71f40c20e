import { entityRows, sqlFamily, statementSet } from '@faceauth/core';
import { CleanupAuditEntity } from './cleanup-audit.entity';

/**
 * One row per (subject, action): recording a step again is a no-op, except that an outcome `failed` is
 * replaced by the later outcome of a retry. The cleanup writes the row right after the step's effect was
 * confirmed and before it records its own state, so a crash in between repeats the (idempotent) state
 * write, never the audit row.
 */
const COLUMNS = 11;
const recordSql = (rows: number): string => `
INSERT INTO faceauth_cleanup_audit (id, run_id, subject_type, subject_id, project, action, reason, outcome, attempts, error_code, at)
VALUES ${Array.from({ length: rows }, (_r, i) => `(${Array.from({ length: COLUMNS }, (_c, k) => `$${i * COLUMNS + k + 1}`).join(', ')})`).join(',\n  ')}
ON CONFLICT (subject_type, subject_id, action) DO UPDATE SET
  run_id = excluded.run_id, reason = excluded.reason, outcome = excluded.outcome, attempts = excluded.attempts,
  error_code = excluded.error_code, at = excluded.at
WHERE faceauth_cleanup_audit.outcome = 'failed'`;

/** The optional filters of a listing, in parameter order: a shape is the set of those present, as bits. */
export const AUDIT_LIST_FILTERS = ['subject_id', 'action', 'outcome'] as const;
const AFTER = 1 << AUDIT_LIST_FILTERS.length;

/** Newest first; `$1` the limit, then each present filter, then the keyset position (at, id). */
const listSql = (columns: string, shape: number): string => {
  let n = 1;
  const where: string[] = AUDIT_LIST_FILTERS.filter((_c, bit) => shape & (1 << bit)).map(
    (c) => `${c} = $${++n}`,
  );
  if (shape & AFTER) {
    const at = `$${++n}`;
    const id = `$${++n}`;
    where.push(`(at < ${at} OR (at = ${at} AND id < ${id}))`);
  }
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  return `SELECT ${columns} FROM faceauth_cleanup_audit${filter} ORDER BY at DESC, id DESC LIMIT $1`;
};

/** The audit trail's statements: `record` takes a batch of entries (11 parameters each, in column order). */
export const cleanupAuditStatements = statementSet((dataSource) => {
  const { columns } = entityRows(dataSource, CleanupAuditEntity);
  const shapes = Array.from({ length: AFTER << 1 }, (_v, shape) => shape);
  return {
    record: sqlFamily(recordSql, [1, 2, 50]),
    list: sqlFamily((shape) => listSql(columns, shape), shapes),
  };
});
