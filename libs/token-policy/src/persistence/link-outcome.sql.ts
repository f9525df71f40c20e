import { endedByTimeSql, usedUpSql } from './token-status.sql';

/**
 * The outcome of a link is decided once: every statement that sets it is conditional on
 * `outcome_status = 'pending'`, so of two concurrent deciders (two results, a result and a revocation)
 * exactly one wins, on SQLite and PostgreSQL alike, with no select-then-update.
 */

/**
 * What a result that counted for the link decides: an approval decides `approved`; a rejection decides
 * `rejected` only at the link's last use (count policy, uses exhausted), otherwise the link stays pending
 * and remembers the rejection (`outcome_auth_id`) for when its window closes. `$3` the result's status.
 */
const DECIDED = `(CASE WHEN $3 = 'approved' THEN 'approved'
  WHEN $3 = 'rejected' AND policy_mode = 'count' AND use_count >= max_uses THEN 'rejected'
  ELSE 'pending' END)`;

/** `$1` link id, `$2` auth id, `$3` the result's status ('approved' | 'rejected'), `$4` now (epoch ms). */
export const decideByResultSql = (columns: string): string => `
UPDATE faceauth_tokens SET
  outcome_status = ${DECIDED},
  outcome_auth_id = $2,
  outcome_decided_at = CASE WHEN ${DECIDED} = 'pending' THEN NULL ELSE CAST($4 AS BIGINT) END,
  outcome_reason = CASE WHEN ${DECIDED} = 'rejected' THEN 'result_rejected' ELSE NULL END
WHERE id = $1 AND outcome_status = 'pending'
RETURNING ${columns}`;

/**
 * Revokes a link whose outcome is still pending and decides it: `revoked`, or the `expired` it had already
 * reached (`$3` status, `$4` decided-at, `$5` reason: see LinkService.revoke). `$1` id, `$2` now. No row
 * when the link was revoked before or its outcome was decided: then {@link REVOKE_SQL} revokes it alone.
 */
export const revokeDecidingSql = (columns: string): string => `
UPDATE faceauth_tokens SET
  revoked_at = $2, outcome_status = $3, outcome_decided_at = CAST($4 AS BIGINT), outcome_reason = $5
WHERE id = $1 AND revoked_at IS NULL AND outcome_status = 'pending'
RETURNING ${columns}`;

/** Revokes a link whose outcome is decided, keeping it. `$1` id, `$2` now. Idempotent: the first revocation stays. */
export const REVOKE_SQL = `
UPDATE faceauth_tokens SET revoked_at = $2
WHERE id = $1 AND revoked_at IS NULL
RETURNING id`;

/**
 * Pending links that can no longer be used by time (the SQL form of `tokenStatus(...) === 'expired'`: an
 * Argos expiry passed, a never-used link past its deadline, a closed window — and not used up, which
 * `tokenStatus` answers first). The outcome of each is then computed by `outcomeOf`, the one definition,
 * and recorded with `decide`. `$1` now, `$2` limit.
 */
export const expiredPendingSql = (columns: string): string => `
SELECT ${columns} FROM faceauth_tokens
WHERE outcome_status = 'pending' AND revoked_at IS NULL
  AND NOT ${usedUpSql('')}
  AND ${endedByTimeSql('', '$1')}
ORDER BY expires_at
LIMIT $2`;

/** Records an outcome computed elsewhere, once. `$1` id, `$2` status, `$3` auth id, `$4` decided at, `$5` reason. */
export const decideSql = (columns: string): string => `
UPDATE faceauth_tokens SET
  outcome_status = $2, outcome_auth_id = $3, outcome_decided_at = CAST($4 AS BIGINT), outcome_reason = $5
WHERE id = $1 AND outcome_status = 'pending'
RETURNING ${columns}`;
