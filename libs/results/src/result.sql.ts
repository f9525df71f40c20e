import {
  entityRows,
  insertStatement,
  RawConflictAssignment,
  RawInsertOptions,
  statementSet,
} from '@faceauth/core';
import { FaceAuthResultEntity } from './faceauth-result.entity';
import { resultListSql } from './result-list.sql';

/** A later record's value, or the stored one when the later record has none. */
const keepKnown = (column: string): RawConflictAssignment => ({
  column,
  expression: `COALESCE(excluded.${column}, faceauth_results.${column})`,
});

const rankOf = (table: string): string =>
  `(CASE ${table}.identity_source WHEN 'link' THEN 3 WHEN 'submission' THEN 2 WHEN 'webhook' THEN 1 ELSE 0 END)`;

/**
 * An identity column: a stronger source replaces the whole identity, the same source fills in what was
 * unknown, a weaker or absent one (a refresh, a reconciliation) changes nothing.
 */
const byIdentityRank = (column: string): RawConflictAssignment => ({
  column,
  expression: `CASE WHEN ${rankOf('excluded')} > ${rankOf('faceauth_results')} THEN excluded.${column}
    WHEN ${rankOf('excluded')} = ${rankOf('faceauth_results')} THEN COALESCE(excluded.${column}, faceauth_results.${column})
    ELSE faceauth_results.${column} END`,
});

/**
 * What a later record about the same authentication changes: never project, source or the flags; a known
 * value is never replaced by an absent one. Every
 * expression reads the row as it was before this statement (SQL semantics), `identity_source` included.
 */
const ON_CONFLICT: readonly (string | RawConflictAssignment)[] = [
  'status',
  keepKnown('submission_id'),
  keepKnown('submit_type'),
  keepKnown('scores'),
  keepKnown('fail_codes'),
  keepKnown('reject_comments'),
  // A violation, once found, stays: a later record through no link (a refresh) cannot clear it.
  keepKnown('policy_violation'),
  'created_at',
  'updated_at',
  ...['auth_user_id', 'cf1', 'cf2', 'cf3', 'token_id', 'link_id', 'identity_source'].map(byIdentityRank),
];

/**
 * Stores what Argos says about a result, with what we know of its person, in one statement: inserts it,
 * or updates the row when it exists and is not purged (a purged row stays as it is).
 */
export const RESULT_UPSERT: RawInsertOptions = {
  conflict: {
    target: ['auth_id'],
    update: ON_CONFLICT,
    where: 'faceauth_results.purged_at IS NULL',
  },
};

/** The personal and biometric-derived columns a purge clears; id, project, status and times stay. */
const PURGED_COLUMNS = [
  'submission_id',
  'auth_user_id',
  'cf1',
  'cf2',
  'cf3',
  'token_id',
  'link_id',
  'identity_source',
  'scores',
  'fail_codes',
  'reject_comments',
];

/** The raw statements of `faceauth_results` outside the retention lib (built once per DataSource). */
export const resultStatements = statementSet((dataSource) => {
  const { columns } = entityRows(dataSource, FaceAuthResultEntity);
  return {
    upsert: insertStatement(dataSource, FaceAuthResultEntity, RESULT_UPSERT).text,
    findById: `SELECT ${columns} FROM faceauth_results WHERE auth_id = $1`,
    list: resultListSql(columns),
    /** `$1` auth id, `$2` now, `$3` whether Argos deleted it too. Idempotent. */
    purge: `UPDATE faceauth_results SET ${PURGED_COLUMNS.map((c) => `${c} = NULL`).join(', ')},
  purged_at = $2, updated_at = $2, argos_deleted_at = CASE WHEN $3 THEN $2 ELSE argos_deleted_at END
WHERE auth_id = $1`,
  };
});
