import { FaceAuthTokenEntity } from './faceauth-token.entity';

type Row = Record<string, unknown>;

const instant = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(Number(value));
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Maps a raw `RETURNING *` row (snake_case, BIGINT as string on PostgreSQL) to the entity. */
export function tokenFromRow(row: Row): FaceAuthTokenEntity {
  return Object.assign(new FaceAuthTokenEntity(), {
    id: String(row.id),
    token: String(row.token),
    project: String(row.project),
    sid: String(row.sid),
    authUserId: text(row.auth_user_id),
    authCf1: text(row.auth_cf1),
    authCf2: text(row.auth_cf2),
    authCf3: text(row.auth_cf3),
    lang: text(row.lang),
    policyMode: row.policy_mode as 'count' | 'time',
    maxUses: int(row.max_uses),
    windowSeconds: int(row.window_seconds),
    consumeOn: row.consume_on as 'result' | 'open',
    useCount: Number(row.use_count),
    useKeys: String(row.use_keys ?? ''),
    firstUsedAt: instant(row.first_used_at),
    windowEndsAt: instant(row.window_ends_at),
    expiresAt: instant(row.expires_at) as Date,
    revokedAt: instant(row.revoked_at),
    expiredAt: instant(row.expired_at),
    createdAt: instant(row.created_at) as Date,
    idempotencyKey: text(row.idempotency_key),
    requestFingerprint: text(row.request_fingerprint),
  });
}
