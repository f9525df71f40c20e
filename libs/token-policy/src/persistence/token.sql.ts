import { entityRows, insertStatement, placeholders, sqlFamily, statementSet } from '@faceauth/core';
import { FaceAuthTokenEntity } from './faceauth-token.entity';
import {
  decideByResultSql,
  decideSql,
  expiredPendingSql,
  REVOKE_SQL,
  revokeDecidingSql,
} from './link-outcome.sql';
import { tokenListSql } from './token-list.sql';

/**
 * A use is recorded by ONE conditional statement: the row changes only if, at that instant, it is neither
 * revoked nor expired nor used up, and (when the use has a key) that key was not recorded before.
 * Concurrent consumers cannot both win; there is no select-then-update. The time window starts at the
 * first use. An Argos expiry (`expired_at`) refuses uses after it, except a first use reported by a
 * result (one with a use key): Argos expires a token only once it was used (count: at that use; time: a
 * window after it), so when its `token_expired` arrived before the result, that result is the use that
 * caused it. A short-link open is never such a use. Instants are epoch ms; `window_seconds` is widened to
 * BIGINT. `$1` token, `$2` now, `$3` use key ('' for none).
 */
const consumeSql = (columns: string): string => `
UPDATE faceauth_tokens SET
  use_count = use_count + 1,
  use_keys = CASE WHEN $3 = '' THEN use_keys ELSE use_keys || ',' || $3 || ',' END,
  first_used_at = COALESCE(first_used_at, $2),
  window_ends_at = CASE WHEN policy_mode = 'time'
    THEN COALESCE(window_ends_at, $2 + CAST(window_seconds AS BIGINT) * 1000) ELSE NULL END
WHERE token = $1
  AND ($3 = '' OR use_keys NOT LIKE '%,' || $3 || ',%')
  AND revoked_at IS NULL
  AND (expired_at IS NULL OR expired_at > $2 OR (use_count = 0 AND $3 <> ''))
  AND (use_count > 0 OR expires_at > $2)
  AND ((policy_mode = 'count' AND use_count < max_uses)
    OR (policy_mode = 'time' AND (window_ends_at IS NULL OR window_ends_at > $2)))
RETURNING ${columns}`;

/**
 * The statements of `faceauth_tokens`, one constant text each (per DataSource: the column lists come from
 * the entity's metadata). Look-ups are on hot paths (short links, GET, webhooks): one raw statement each
 * instead of TypeORM's find machinery, which costs several times the query itself.
 */
export const tokenStatements = statementSet((dataSource) => {
  const { columns } = entityRows(dataSource, FaceAuthTokenEntity);
  return {
    /** The complete row, no read-back. */
    insert: insertStatement(dataSource, FaceAuthTokenEntity).text,
    findById: `SELECT ${columns} FROM faceauth_tokens WHERE id = $1 LIMIT 1`,
    findByToken: `SELECT ${columns} FROM faceauth_tokens WHERE token = $1 LIMIT 1`,
    findByIdempotencyKey: `SELECT ${columns} FROM faceauth_tokens WHERE idempotency_key = $1 LIMIT 1`,
    consume: consumeSql(columns),
    revoke: REVOKE_SQL,
    revokeDeciding: revokeDecidingSql(columns),
    decideByResult: decideByResultSql(columns),
    expiredPending: expiredPendingSql(columns),
    decide: decideSql(columns),
    /** `$1` token, `$2` instant; the first report's instant is kept. */
    markExpired:
      'UPDATE faceauth_tokens SET expired_at = $2 WHERE token = $1 AND expired_at IS NULL RETURNING id',
    list: tokenListSql(columns),
    /** The ids among `$1…$n` whose outcome is decided (long polls waiting in this process). */
    decidedAmong: sqlFamily(
      (n) =>
        `SELECT id FROM faceauth_tokens WHERE id IN (${placeholders(n, 1)}) AND outcome_status <> 'pending'`,
      [1, 3],
    ),
  };
});
