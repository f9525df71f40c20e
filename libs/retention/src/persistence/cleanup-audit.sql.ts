import { sqlFamily, statementSet } from '@faceauth/core';

/**
 * One row per (subject, action): recording a step again is a no-op, except that an outcome `failed` is
 * replaced by the later outcome of a retry. The cleanup writes the row right after the step's effect was
 * confirmed and before it records its own state, so a crash in between repeats the (idempotent) state
 * write, never the audit row.
 */
const COLUMNS = 11;
const recordSql = (rows: number): string => `
INSERT INTO cleanup_audit (id, run_id, subject_type, subject_id, project, action, reason, outcome, attempts, error_code, at)
VALUES ${Array.from({ length: rows }, (_r, i) => `(${Array.from({ length: COLUMNS }, (_c, k) => `$${i * COLUMNS + k + 1}`).join(', ')})`).join(',\n  ')}
ON CONFLICT (subject_type, subject_id, action) DO UPDATE SET
  run_id = excluded.run_id, reason = excluded.reason, outcome = excluded.outcome, attempts = excluded.attempts,
  error_code = excluded.error_code, at = excluded.at
WHERE cleanup_audit.outcome = 'failed'`;

/** The audit trail's statements: `record` takes a batch of entries (11 parameters each, in column order). */
export const cleanupAuditStatements = statementSet(() => ({
  record: sqlFamily(recordSql, [1, 2, 50]),
}));
