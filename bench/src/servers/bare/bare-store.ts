/**
 * What the bare baseline server needs from its database, written against the raw driver (better-sqlite3 or
 * pg) with hand-written SQL: the least any implementation of the same routes must do.
 */
export interface BareStore {
  findToken(id: string): Promise<BareTokenRow | null>;
  insertToken(row: BareTokenRow): Promise<void>;
  /** `INSERT … ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`; true when this call inserted the row. */
  insertInbox(row: BareInboxRow): Promise<boolean>;
  /** The service's claim statement on the twin inbox: up to `limit` due rows, leased until `leaseUntil`. */
  claimInbox(now: number, leaseUntil: number, limit: number): Promise<BareClaimedRow[]>;
  /** In one transaction: each result upserted into the twin results table, then each row marked done. */
  writeProcessed(rows: readonly BareProcessedRow[], now: number): Promise<void>;
  close(): Promise<void>;
}

/** A claimed row of the twin inbox. */
export interface BareClaimedRow {
  id: string;
  authId: string;
  lockedUntil: number;
}

/** A claimed row with the record the verification fetch returned. */
export interface BareProcessedRow {
  row: BareClaimedRow;
  status: string;
  submissionId: string | null;
  submitType: string | null;
  /** Scores as JSON text, as the service stores them. */
  scores: string | null;
  createdAt: number;
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
/** The baseline's results table: a twin of `faceauth_results` (the end-to-end webhook row writes there). */
export const BARE_RESULTS_TABLE = 'bench_results';

/** The service's claim (webhook-inbox.sql.ts) on the twin; `$1` now, `$2` lease end, `$3` limit. */
export function bareClaimSql(postgres: boolean): string {
  const due = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'processing' AND locked_until <= $1))`;
  return `UPDATE ${BARE_INBOX_TABLE} SET status = 'processing', locked_until = $2, attempts = attempts + 1
WHERE id IN (
  SELECT id FROM ${BARE_INBOX_TABLE} WHERE status IN ('pending', 'processing') AND ${due}
  ORDER BY next_attempt_at, id
  LIMIT $3${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
  AND ${due}
RETURNING id, auth_id, locked_until`;
}

/** A result's upsert into the twin, keyed by the authentication id as the service's: values from {@link bareResultValues}. */
export const BARE_RESULT_UPSERT = `INSERT INTO ${BARE_RESULTS_TABLE} (auth_id, project, status, submission_id, submit_type, scores, source,
  created_at, updated_at, cleanup_due_at)
VALUES ($1, $2, $3, $4, $5, $6, 'webhook', $7, $8, $9)
ON CONFLICT (auth_id) DO UPDATE SET status = excluded.status, submission_id = excluded.submission_id,
  submit_type = excluded.submit_type, scores = excluded.scores, updated_at = excluded.updated_at`;

/** Marks a claimed row done while its lease holds: `$1` id, `$2` lease, `$3` now. */
export const BARE_INBOX_DONE = `UPDATE ${BARE_INBOX_TABLE} SET status = 'done', processed_at = $3, locked_until = NULL,
  last_error = NULL WHERE id = $1 AND status = 'processing' AND locked_until = $2`;

/** The values of {@link BARE_RESULT_UPSERT} for a processed row (results are kept 30 days, as the default). */
export function bareResultValues(
  p: BareProcessedRow,
  project: string,
  now: number,
): (string | number | null)[] {
  return [
    p.row.authId,
    project,
    p.status,
    p.submissionId,
    p.submitType,
    p.scores,
    p.createdAt,
    now,
    now + 30 * 86_400_000,
  ];
}

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
