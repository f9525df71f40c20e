import { DatabaseKind, lockedPick, placeholders, sqlFamily, statementSet } from '@faceauth/core';
import { personalResultColumns } from './personal-columns';

/**
 * The cleanup state machine of a result, in SQL. A result is pending while `argos_deleted_at` or
 * `purged_at` is null: `due → argos_deleted → purged`. Each step is one conditional UPDATE fenced by the
 * worker's claim (`cleanup_lease_until` = the value it claimed with), so a stale worker cannot overwrite a
 * newer one, and a step that already happened is never done twice.
 *
 * Parameters common to the predicates: $1 = now, $2 = results created at or before this are due.
 */
const PENDING = '(purged_at IS NULL OR argos_deleted_at IS NULL)';
const PAST_DEADLINE = '(created_at <= $2 OR cleanup_due_at <= $1)';

/** Past its deadline, not held, not deleted yet: the figure that must be 0 after a run. */
const OVERDUE = `NOT legal_hold AND ${PENDING} AND ${PAST_DEADLINE}`;

/** Overdue and workable now: not given up, not backing off, not claimed by a live worker. */
const DUE = `${OVERDUE} AND cleanup_failed_at IS NULL
  AND (cleanup_next_at IS NULL OR cleanup_next_at <= $1)
  AND (cleanup_lease_until IS NULL OR cleanup_lease_until <= $1)`;

const HELD = `legal_hold AND ${PENDING} AND ${PAST_DEADLINE}`;

const CLAIM_COLUMNS = `auth_id, project, created_at, cleanup_due_at, argos_deleted_at, purged_at, argos_delete_sent_at,
  cleanup_attempts, cleanup_first_failure_at, cleanup_lease_until`;

/**
 * A person's results, whatever told us whose they are: the result's own person fields, or one of the
 * person's links it was reached through (`link_id`). `param` holds the user id.
 */
const ofUser = (param: string): string =>
  `(auth_user_id = ${param} OR link_id IN (SELECT id FROM faceauth_tokens WHERE auth_user_id = ${param}))`;

/** $3 = lease until, $4 = batch size, optional $5 = only this user's results. */
const claimSql = (kind: DatabaseKind, forUser: boolean): string => {
  const pick = lockedPick(
    kind,
    'auth_id',
    `SELECT auth_id FROM faceauth_results
  WHERE ${DUE}${forUser ? ` AND ${ofUser('$5')}` : ''}
  ORDER BY created_at, auth_id
  LIMIT $4`,
  );
  return `${pick.with}UPDATE faceauth_results SET cleanup_lease_until = $3, cleanup_attempts = cleanup_attempts + 1
WHERE auth_id IN (${pick.keys})
RETURNING ${CLAIM_COLUMNS}`;
};

/** $1 id, $2 now, $3 lease. Written just before the DELETE goes out. */
const MARK_SENT = `
UPDATE faceauth_results SET argos_delete_sent_at = $2
WHERE auth_id = $1 AND cleanup_lease_until = $3 AND argos_deleted_at IS NULL
RETURNING auth_id`;

/** `$3, $4, …` for a list of n values placed after two fixed parameters. */
const idList = (n: number, first = 3): string => placeholders(n, first);

/** $1 now, $2 lease, then the ids. */
const markArgosDeletedSql = (n: number): string => `
UPDATE faceauth_results SET argos_deleted_at = $1, argos_delete_sent_at = NULL, cleanup_last_error = NULL
WHERE auth_id IN (${idList(n)}) AND cleanup_lease_until = $2 AND argos_deleted_at IS NULL
RETURNING auth_id`;

/** $1 now, $2 lease, then the ids. The personal columns are listed by the caller (from the entity metadata). */
const purgeSql = (personalColumns: string[], n: number): string => `
UPDATE faceauth_results SET ${personalColumns.map((c) => `${c} = NULL, `).join('')}purged_at = $1, updated_at = $1,
  cleanup_lease_until = NULL, cleanup_next_at = NULL, cleanup_last_error = NULL
WHERE auth_id IN (${idList(n)}) AND cleanup_lease_until = $2 AND purged_at IS NULL AND argos_deleted_at IS NOT NULL
RETURNING auth_id`;

/** $1 lease, then the ids. */
const releaseSql = (n: number): string => `
UPDATE faceauth_results SET cleanup_lease_until = NULL
WHERE auth_id IN (${idList(n, 2)}) AND cleanup_lease_until = $1
RETURNING auth_id`;

/** $1 id, $2 retry at, $3 now, $4 error code, $5 lease. */
const scheduleRetrySql = (keepSent: boolean): string => `
UPDATE faceauth_results SET cleanup_lease_until = NULL, cleanup_next_at = $2,
  cleanup_first_failure_at = COALESCE(cleanup_first_failure_at, $3), cleanup_last_error = $4
  ${keepSent ? '' : ', argos_delete_sent_at = NULL'}
WHERE auth_id = $1 AND cleanup_lease_until = $5
RETURNING auth_id`;

/** $1 id, $2 now, $3 error code, $4 lease. */
const markFailedSql = (keepSent: boolean): string => `
UPDATE faceauth_results SET cleanup_lease_until = NULL, cleanup_next_at = NULL, cleanup_failed_at = $2,
  cleanup_first_failure_at = COALESCE(cleanup_first_failure_at, $2), cleanup_last_error = $3
  ${keepSent ? '' : ', argos_delete_sent_at = NULL'}
WHERE auth_id = $1 AND cleanup_lease_until = $4
RETURNING auth_id`;

/** Rows given up on get a fresh retry period. */
const RETRY_FAILED = `
UPDATE faceauth_results SET cleanup_failed_at = NULL, cleanup_first_failure_at = NULL, cleanup_next_at = NULL,
  cleanup_attempts = 0
WHERE cleanup_failed_at IS NOT NULL
RETURNING auth_id`;

/** "Forget this user": due now (an earlier deadline is kept), with a fresh retry period. $1 user, $2 now. */
const MARK_USER_DUE = `
UPDATE faceauth_results SET cleanup_due_at = COALESCE(cleanup_due_at, $2), cleanup_next_at = NULL,
  cleanup_failed_at = NULL, cleanup_first_failure_at = NULL
WHERE ${ofUser('$1')} AND NOT legal_hold AND ${PENDING}
RETURNING auth_id`;

const COUNT_UNKNOWN_PERSON = `
SELECT COUNT(*) AS n FROM faceauth_results WHERE purged_at IS NULL AND auth_user_id IS NULL AND link_id IS NULL`;

/** What is left of a person's results: not yet deleted at Argos or not yet purged here. $1 user. */
const USER_PENDING = `
SELECT auth_id, legal_hold, cleanup_last_error FROM faceauth_results
WHERE ${ofUser('$1')} AND ${PENDING}
ORDER BY created_at, auth_id`;

/** $1 id, $2 now. Only while nothing was sent to Argos and no live worker holds the row. */
const SET_LEGAL_HOLD = `
UPDATE faceauth_results SET legal_hold = TRUE, updated_at = $2
WHERE auth_id = $1 AND argos_deleted_at IS NULL AND purged_at IS NULL AND argos_delete_sent_at IS NULL
  AND (cleanup_lease_until IS NULL OR cleanup_lease_until <= $2)
RETURNING auth_id, created_at, cleanup_due_at`;

/** Releasing a hold restarts the deletion cycle with a fresh retry period. */
const CLEAR_LEGAL_HOLD = `
UPDATE faceauth_results SET legal_hold = FALSE, updated_at = $2, cleanup_failed_at = NULL,
  cleanup_first_failure_at = NULL, cleanup_next_at = NULL, cleanup_attempts = 0
WHERE auth_id = $1 AND legal_hold
RETURNING auth_id, created_at, cleanup_due_at`;

const HOLD_STATE = `
SELECT auth_id, created_at, cleanup_due_at, legal_hold, argos_deleted_at, purged_at, argos_delete_sent_at, cleanup_lease_until
FROM faceauth_results WHERE auth_id = $1`;

const OVERDUE_COLUMNS = `auth_id, project, created_at, cleanup_due_at, cleanup_attempts, cleanup_next_at,
  cleanup_failed_at, cleanup_last_error, argos_deleted_at, purged_at`;

const count = (predicate: string): string => `SELECT COUNT(*) AS n FROM faceauth_results WHERE ${predicate}`;

/** Batch sizes: the cleanup claims at most a few hundred results at once. */
const LIST_SAMPLES = [1, 2, 50];

/**
 * The statements of the results' cleanup, built once per DataSource: the personal columns a purge clears
 * come from the entity metadata, the claim's locked pick from the engine (`lockedPick`).
 */
export const resultCleanupStatements = statementSet((dataSource, kind) => {
  const personal = personalResultColumns(dataSource);
  return {
    claim: claimSql(kind, false),
    claimForUser: claimSql(kind, true),
    markSent: MARK_SENT,
    markArgosDeleted: sqlFamily(markArgosDeletedSql, LIST_SAMPLES),
    purge: sqlFamily((n) => purgeSql(personal, n), LIST_SAMPLES),
    release: sqlFamily(releaseSql, LIST_SAMPLES),
    scheduleRetry: scheduleRetrySql(false),
    scheduleRetryKeepSent: scheduleRetrySql(true),
    markFailed: markFailedSql(false),
    markFailedKeepSent: markFailedSql(true),
    retryFailed: RETRY_FAILED,
    markUserDue: MARK_USER_DUE,
    userPending: USER_PENDING,
    countDue: count(DUE),
    countOverdue: count(OVERDUE),
    countHeld: count(HELD),
    countUnknownPerson: COUNT_UNKNOWN_PERSON,
    countFailed: count('cleanup_failed_at IS NOT NULL'),
    /** Overdue results, oldest first: $1 now, $2 cutoff, $3 limit. */
    listOverdue: `SELECT ${OVERDUE_COLUMNS} FROM faceauth_results WHERE ${OVERDUE} ORDER BY created_at, auth_id LIMIT $3`,
    setLegalHold: SET_LEGAL_HOLD,
    clearLegalHold: CLEAR_LEGAL_HOLD,
    holdState: HOLD_STATE,
  };
});
