/**
 * What the bare baseline server needs from its database, written against the raw driver (better-sqlite3 or
 * pg) with hand-written SQL: the least any implementation of the same routes must do.
 */
export interface BareStore {
  findToken(id: string): Promise<BareTokenRow | null>;
  insertToken(row: BareTokenRow): Promise<void>;
  /** `INSERT … ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`; true when this call inserted the row. */
  insertInbox(row: BareInboxRow): Promise<boolean>;
  close(): Promise<void>;
}

/** A `faceauth_tokens` row; instants are epoch ms as stored. */
export interface BareTokenRow {
  id: string;
  token: string;
  project: string;
  sid: string;
  authUserId: string | null;
  authCf1: string | null;
  authCf2: string | null;
  authCf3: string | null;
  lang: string | null;
  policyMode: 'count' | 'time';
  maxUses: number | null;
  windowSeconds: number | null;
  consumeOn: 'result' | 'open';
  /** False for a sid-only URL (a project without Argos token expiration). */
  tokenInUrl: boolean;
  clientReference: string | null;
  /** JSON text as stored. */
  metadata: string | null;
  useCount: number;
  firstUsedAt: number | null;
  windowEndsAt: number | null;
  expiresAt: number;
  revokedAt: number | null;
  expiredAt: number | null;
  createdAt: number;
  outcomeStatus: string;
  outcomeAuthId: string | null;
  outcomeDecidedAt: number | null;
  outcomeReason: string | null;
}

/** A row of the baseline's twin of `faceauth_webhook_inbox` (same columns and indexes, see twin-inbox.ts). */
export interface BareInboxRow {
  id: string;
  dedupeKey: string;
  authId: string;
  payload: string;
  receivedAt: number;
}

/** The baseline's inbox table: a twin of `faceauth_webhook_inbox`, so the service's processor never sees its rows. */
export const BARE_INBOX_TABLE = 'bench_webhook_inbox';

export const INSERT_TOKEN_COLUMNS = [
  'id',
  'token',
  'project',
  'sid',
  'auth_user_id',
  'auth_cf1',
  'auth_cf2',
  'auth_cf3',
  'lang',
  'policy_mode',
  'max_uses',
  'window_seconds',
  'consume_on',
  'use_count',
  'use_keys',
  'first_used_at',
  'window_ends_at',
  'expires_at',
  'revoked_at',
  'expired_at',
  'created_at',
  'idempotency_key',
  'request_fingerprint',
] as const;

/** Values in the order of {@link INSERT_TOKEN_COLUMNS}. */
export function tokenInsertValues(row: BareTokenRow): (string | number | null)[] {
  return [
    row.id,
    row.token,
    row.project,
    row.sid,
    row.authUserId,
    row.authCf1,
    row.authCf2,
    row.authCf3,
    row.lang,
    row.policyMode,
    row.maxUses,
    row.windowSeconds,
    row.consumeOn,
    row.useCount,
    '',
    row.firstUsedAt,
    row.windowEndsAt,
    row.expiresAt,
    row.revokedAt,
    row.expiredAt,
    row.createdAt,
    null,
    null,
  ];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Maps a raw `SELECT *` row (snake_case; BIGINT as a string on PostgreSQL). */
export function tokenFromDbRow(raw: Record<string, unknown>): BareTokenRow {
  return {
    id: String(raw.id),
    token: String(raw.token),
    project: String(raw.project),
    sid: String(raw.sid),
    authUserId: text(raw.auth_user_id),
    authCf1: text(raw.auth_cf1),
    authCf2: text(raw.auth_cf2),
    authCf3: text(raw.auth_cf3),
    lang: text(raw.lang),
    policyMode: raw.policy_mode === 'time' ? 'time' : 'count',
    maxUses: num(raw.max_uses),
    windowSeconds: num(raw.window_seconds),
    consumeOn: raw.consume_on === 'open' ? 'open' : 'result',
    tokenInUrl: raw.token_in_url === true || Number(raw.token_in_url) === 1,
    clientReference: text(raw.client_reference),
    metadata: text(raw.metadata),
    useCount: Number(raw.use_count),
    firstUsedAt: num(raw.first_used_at),
    windowEndsAt: num(raw.window_ends_at),
    expiresAt: Number(raw.expires_at),
    revokedAt: num(raw.revoked_at),
    expiredAt: num(raw.expired_at),
    createdAt: Number(raw.created_at),
    outcomeStatus: String(raw.outcome_status),
    outcomeAuthId: text(raw.outcome_auth_id),
    outcomeDecidedAt: num(raw.outcome_decided_at),
    outcomeReason: text(raw.outcome_reason),
  };
}
