import { rawInstant, rawText, rawInt } from '@faceauth/core';
import { FaceAuthTokenEntity } from './faceauth-token.entity';

type Row = Record<string, unknown>;

/**
 * The columns {@link tokenFromRow} reads, for `SELECT`/`RETURNING` lists. Named rather than `*`: statements are
 * prepared on PostgreSQL, and a column added by a later migration must not change a prepared statement's
 * result type under a running older instance (PostgreSQL then refuses the cached plan).
 */
export const TOKEN_COLUMNS =
  'id, token, project, sid, auth_user_id, auth_cf1, auth_cf2, auth_cf3, lang, policy_mode, max_uses, ' +
  'window_seconds, consume_on, use_count, use_keys, first_used_at, window_ends_at, expires_at, revoked_at, ' +
  'expired_at, created_at, idempotency_key, request_fingerprint, token_in_url';

/** Maps a raw row of {@link TOKEN_COLUMNS} (snake_case, BIGINT as string on PostgreSQL) to the entity. */
export function tokenFromRow(row: Row): FaceAuthTokenEntity {
  return Object.assign(new FaceAuthTokenEntity(), {
    id: String(row.id),
    token: String(row.token),
    project: String(row.project),
    sid: String(row.sid),
    authUserId: rawText(row.auth_user_id),
    authCf1: rawText(row.auth_cf1),
    authCf2: rawText(row.auth_cf2),
    authCf3: rawText(row.auth_cf3),
    lang: rawText(row.lang),
    policyMode: row.policy_mode as 'count' | 'time',
    maxUses: rawInt(row.max_uses),
    windowSeconds: rawInt(row.window_seconds),
    consumeOn: row.consume_on as 'result' | 'open',
    useCount: Number(row.use_count),
    useKeys: String(row.use_keys ?? ''),
    firstUsedAt: rawInstant(row.first_used_at),
    windowEndsAt: rawInstant(row.window_ends_at),
    expiresAt: rawInstant(row.expires_at) as Date,
    revokedAt: rawInstant(row.revoked_at),
    expiredAt: rawInstant(row.expired_at),
    createdAt: rawInstant(row.created_at) as Date,
    idempotencyKey: rawText(row.idempotency_key),
    requestFingerprint: rawText(row.request_fingerprint),
    // A boolean on PostgreSQL, 0/1 on SQLite.
    tokenInUrl: row.token_in_url === true || Number(row.token_in_url) === 1,
  });
}
