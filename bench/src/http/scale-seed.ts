import { DataSource } from 'typeorm';
import { tableOf } from '@faceauth/core';
import { BenchDatabaseKind } from './bench-database';

/**
 * Bulk seeding of the scale rows (QUALITY.md goal 4): `rows` rows in each growing table, written with one
 * `INSERT … SELECT` per table straight into the tables the service's own migrations created (PostgreSQL:
 * `generate_series`; SQLite: a recursive CTE, one statement, so one transaction). Every value is a pure
 * function of the row number `i` (and of `now`), written once in SQL and mirrored here in TypeScript
 * (`scaleIds`), so that the bench can address rows (a link id, a user, a client reference) without reading
 * them back, and both sizes and both engines hold the same distributions:
 *
 * - links over the last 30 days (the token retention), newest = highest `i`; 80% count mode (one use), 20%
 *   time mode (10-minute window); 45% used, 5% revoked, the rest expired after their 7-day TTL or still
 *   pending (the youngest), with a consistent outcome, so the outcome sweeper has nothing to catch up on;
 *   ~8 links per user (`rows / 8` users), ~4 per submission id, 70% with a client reference (unique), half
 *   with metadata, 30% minted with an Idempotency-Key;
 * - results over the last 120 days: 70% approved, 27% rejected, 2% pending, 1% unknown; those older than
 *   the 30-day retention purged (personal fields cleared, deleted at Argos: 73%), a 2.4-day band just past
 *   it still due for cleanup (2%), the rest pending but not due (25%); 60% reached through a link; 0.1%
 *   under legal hold;
 * - the webhook inbox over the last 30 days: 95% done, 1% pending (waiting for a retry a day from now, so
 *   not due), 2% dead, 2% ignored; 90% faceAuth, 10% token_expired;
 * - the cleanup audit trail: `rows` entries;
 * - 20 internal API keys (a realistic count: the guard keeps them in memory and re-reads the table).
 */

export const DAY_MS = 86_400_000;
/** Links and inbox rows span the default retention (RETENTION_TOKEN_DAYS, RETENTION_INBOX_DAYS). */
export const LINK_SPAN_MS = 30 * DAY_MS;
export const INBOX_SPAN_MS = 30 * DAY_MS;
/** Results stay (purged) after their retention: 120 days of them. */
export const RESULT_SPAN_MS = 120 * DAY_MS;
/** RETENTION_RESULT_DAYS' default: results created at or before now − 30 days are due. */
export const RESULT_RETENTION_MS = 30 * DAY_MS;
/** The band of results past the retention not yet cleaned up: 2.4 / 120 = 2% of them. */
const RESULT_DUE_BAND_MS = 2.4 * DAY_MS;
const LINK_TTL_MS = 7 * DAY_MS;
const WINDOW_MS = 600_000;
const API_KEYS = 20;

/** Knuth's multiplicative hash: a bijection of [0, 2^32), so the first group of an id is unique per row. */
const MIX = 2_654_435_761;
const MOD32 = 4_294_967_296;

/** Per-table salts, so links, inbox rows and audit rows never share an id. */
const SALT = { token: 1, inbox: 2, audit: 3, run: 4, key: 5 } as const;

/** The same values in TypeScript (exact: i · MIX < 2^53 for i < 3.4M). */
export function scaleMix(i: number): number {
  return (i * MIX) % MOD32;
}

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** Ids and filter values of row `i`, as the seed wrote them. */
export const scaleIds = {
  /** A version-4-shaped UUID (ParseUUIDPipe accepts it), unique per row through its first group. */
  uuid(i: number, salt: number): string {
    const a = scaleMix(i);
    return `${hex(a, 8)}-${hex(i % 65_536, 4)}-4${hex(Math.floor(i / 65_536) % 4096, 3)}-8${hex(salt, 3)}-${hex(i, 12)}`;
  },
  link(i: number): string {
    return scaleIds.uuid(i, SALT.token);
  },
  user(u: number): string {
    return `user-${u}`;
  },
  /** The user of link `i` (and of result `i`). */
  userOf(i: number, rows: number): number {
    return scaleMix(i) % usersOf(rows);
  },
  sidOf(i: number, rows: number): string {
    return `sub_u${scaleIds.userOf(i, rows)}_${i % 2}`;
  },
  /** Row `i` (a link or a result) names a user: 5% name none (`r2 % 20 = 19` in the seed). */
  hasUser(i: number): boolean {
    return (Math.floor(scaleMix(i) / 100) % 100) % 20 !== 19;
  },
  /** Link `i`'s client reference, or null (30% have none). */
  clientReferenceOf(i: number): string | null {
    return scaleMix(i) % 10 < 7 ? `order-${i}` : null;
  },
  /** The link result `i` was reached through, or null (40% were not). */
  linkOfResult(i: number, rows: number): string | null {
    const a = scaleMix(i);
    const r2 = Math.floor(a / 100) % 100;
    const purged = i < resultsPurgedBelow(rows);
    return !purged && r2 < 60 ? scaleIds.link(a % rows) : null;
  },
  /** Result `i` is past its retention and purged (its personal fields cleared). */
  resultPurged(i: number, rows: number): boolean {
    return i < resultsPurgedBelow(rows);
  },
};

export const usersOf = (rows: number): number => Math.max(1, Math.floor(rows / 8));
/** Results with i below this are older than the retention minus the due band: purged. */
export const resultsPurgedBelow = (rows: number): number =>
  Math.floor((rows * (RESULT_SPAN_MS - RESULT_RETENTION_MS - RESULT_DUE_BAND_MS)) / RESULT_SPAN_MS);

/** The few expressions whose spelling differs between the engines. */
interface Dialect {
  /** A zero-padded lower-case hex of an integer expression. */
  hex(expr: string, width: number): string;
  /** The series 0 … n−1 as a FROM source with column `i`, and the statement prefix it needs. */
  series(n: number): { prefix: string; from: string };
}

const SQLITE: Dialect = {
  hex: (expr, width) => `printf('%0${width}x', ${expr})`,
  series: (n) => ({
    prefix: `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1}) `,
    from: 'seq',
  }),
};

const POSTGRES: Dialect = {
  hex: (expr, width) => `lpad(to_hex(${expr}), ${width}, '0')`,
  series: (n) => ({ prefix: '', from: `generate_series(0, ${n - 1}) AS seq(i)` }),
};

/** The SQL of `scaleIds.uuid` for the row number `i` and its mix `a` (columns of the derived table). */
function uuidSql(d: Dialect, salt: number): string {
  return (
    `${d.hex('a', 8)} || '-' || ${d.hex('i % 65536', 4)} || '-4' || ${d.hex('(i / 65536) % 4096', 3)}` +
    ` || '-8' || ${d.hex(String(salt), 3)} || '-' || ${d.hex('i', 12)}`
  );
}

/**
 * `INSERT INTO table (columns) SELECT values FROM (i, a = mix(i), c = created_at of i)`: `c` runs from
 * `now − span` (i = 0) to just before `now` (i = rows − 1).
 */
function insertSql(
  d: Dialect,
  table: string,
  rows: number,
  now: number,
  spanMs: number,
  values: Record<string, string>,
): string {
  const { prefix, from } = d.series(rows);
  const columns = Object.keys(values);
  // i · MIX and i · span need 64 bits: PostgreSQL's series is int4, hence the casts (SQLite is 64-bit).
  const big = d === POSTGRES ? '::bigint' : '';
  const derived =
    `SELECT i, (i${big} * ${MIX}) % ${MOD32} AS a, ${now - spanMs} + (i${big} * ${spanMs}) / ${rows} AS c ` +
    `FROM ${from}`;
  return (
    `${prefix}INSERT INTO ${table} (${columns.join(', ')}) ` +
    `SELECT ${columns.map((c) => values[c]).join(', ')} FROM (${derived}) s`
  );
}

function tokensValues(d: Dialect, rows: number, now: number): Record<string, string> {
  const r = '(a % 100)';
  const r2 = '((a / 100) % 100)';
  const used = `${r2} < 45`;
  const revoked = `${r} % 20 = 0`;
  const count = `${r} < 80`;
  const expires = `c + ${LINK_TTL_MS}`;
  const firstUse = `c + ${WINDOW_MS}`;
  const resultAuthId = `'fa' || ${d.hex('a', 8)} || '-' || i`;
  return {
    id: uuidSql(d, SALT.token),
    token: `'T' || ${d.hex('a', 8)} || ${d.hex('i', 15)}`,
    project: `'default'`,
    sid: `'sub_u' || (a % ${usersOf(rows)}) || '_' || (i % 2)`,
    auth_user_id: `CASE WHEN ${r2} % 20 = 19 THEN NULL ELSE 'user-' || (a % ${usersOf(rows)}) END`,
    auth_cf1: `CASE WHEN ${r} % 3 = 0 THEN 'dept-' || (a % 50) END`,
    auth_cf2: 'NULL',
    auth_cf3: 'NULL',
    lang: `CASE ${r} % 10 WHEN 1 THEN 'ko' WHEN 2 THEN 'en' END`,
    policy_mode: `CASE WHEN ${count} THEN 'count' ELSE 'time' END`,
    max_uses: `CASE WHEN ${count} THEN 1 END`,
    window_seconds: `CASE WHEN ${count} THEN NULL ELSE ${WINDOW_MS / 1000} END`,
    consume_on: `CASE WHEN ${r2} % 10 = 9 THEN 'open' ELSE 'result' END`,
    use_count: `CASE WHEN ${used} THEN 1 ELSE 0 END`,
    use_keys: `CASE WHEN ${used} THEN ',' || ${resultAuthId} || ',' ELSE '' END`,
    first_used_at: `CASE WHEN ${used} THEN ${firstUse} END`,
    window_ends_at: `CASE WHEN ${used} AND NOT (${count}) THEN ${firstUse} + ${WINDOW_MS} END`,
    expires_at: expires,
    revoked_at: `CASE WHEN ${revoked} THEN c + 3600000 END`,
    expired_at: 'NULL',
    created_at: 'c',
    idempotency_key: `CASE WHEN ${r2} % 3 = 0 THEN 'bench:k' || i END`,
    request_fingerprint: `CASE WHEN ${r2} % 3 = 0 THEN ${d.hex('a', 64)} END`,
    token_in_url: 'TRUE',
    client_reference: `CASE WHEN ${r} % 10 < 7 THEN 'order-' || i END`,
    metadata: `CASE WHEN ${r} % 2 = 0 THEN '{"channel":"web","orderId":"A-' || i || '"}' END`,
    outcome_status:
      `CASE WHEN ${revoked} THEN 'revoked' WHEN ${used} AND ${r2} < 35 THEN 'approved' ` +
      `WHEN ${used} THEN 'rejected' WHEN ${expires} <= ${now} THEN 'expired' ELSE 'pending' END`,
    outcome_auth_id: `CASE WHEN ${used} AND NOT (${revoked}) THEN ${resultAuthId} END`,
    outcome_decided_at:
      `CASE WHEN ${revoked} THEN c + 3600000 WHEN ${used} THEN ${firstUse} + 5000 ` +
      `WHEN ${expires} <= ${now} THEN ${expires} END`,
    outcome_reason:
      `CASE WHEN ${revoked} THEN 'revoked' WHEN ${used} AND ${r2} < 35 THEN NULL ` +
      `WHEN ${used} THEN 'result_rejected' WHEN ${expires} <= ${now} THEN 'link_expired' END`,
  };
}

function resultsValues(d: Dialect, rows: number): Record<string, string> {
  const r = '(a % 100)';
  const r2 = '((a / 100) % 100)';
  const purged = `i < ${resultsPurgedBelow(rows)}`;
  const personal = (expr: string): string => `CASE WHEN ${purged} THEN NULL ELSE ${expr} END`;
  const viaLink = `${r2} < 60`;
  // The link: a link row of the same table size (mix(i) mod rows), as `scaleIds.linkOfResult`.
  const linkIndex = `(a % ${rows})`;
  const linkA = `((${linkIndex} * ${MIX}) % ${MOD32})`;
  const linkUuid =
    `${d.hex(linkA, 8)} || '-' || ${d.hex(`${linkIndex} % 65536`, 4)} || '-4' || ` +
    `${d.hex(`(${linkIndex} / 65536) % 4096`, 3)} || '-8' || ${d.hex(String(SALT.token), 3)} || '-' || ${d.hex(linkIndex, 12)}`;
  const linkToken = `'T' || ${d.hex(linkA, 8)} || ${d.hex(linkIndex, 15)}`;
  const deletedAt = `c + ${RESULT_RETENTION_MS + RESULT_DUE_BAND_MS}`;
  return {
    auth_id: `'fa' || ${d.hex('a', 8)} || '-' || i`,
    project: `'default'`,
    status: `CASE WHEN ${r} < 70 THEN 'approved' WHEN ${r} < 97 THEN 'rejected' WHEN ${r} < 99 THEN 'pending' ELSE 'unknown' END`,
    submission_id: personal(`'sub_u' || (a % ${usersOf(rows)}) || '_' || (i % 2)`),
    auth_user_id: personal(`CASE WHEN ${r2} % 20 = 19 THEN NULL ELSE 'user-' || (a % ${usersOf(rows)}) END`),
    cf1: personal(`CASE WHEN ${r} % 3 = 0 THEN 'dept-' || (a % 50) END`),
    cf2: 'NULL',
    cf3: 'NULL',
    token_id: personal(`CASE WHEN ${viaLink} THEN ${linkToken} END`),
    link_id: personal(`CASE WHEN ${viaLink} THEN ${linkUuid} END`),
    identity_source: personal(
      `CASE WHEN ${viaLink} THEN 'link' WHEN ${r2} < 90 THEN 'submission' ELSE 'webhook' END`,
    ),
    submit_type: `CASE WHEN ${r2} < 90 THEN 'url' ELSE 'api' END`,
    scores: personal(`'{"similarity":0.' || (a % 90 + 10) || '}'`),
    fail_codes: personal(`CASE WHEN ${r} >= 70 AND ${r} < 97 THEN '["FACE_MISMATCH"]' END`),
    reject_comments: 'NULL',
    policy_violation: 'NULL',
    source: `CASE WHEN ${r2} < 90 THEN 'webhook' ELSE 'api' END`,
    created_at: 'c',
    updated_at: `CASE WHEN ${purged} THEN ${deletedAt} ELSE c + 1000 END`,
    purged_at: `CASE WHEN ${purged} THEN ${deletedAt} END`,
    argos_deleted_at: `CASE WHEN ${purged} THEN ${deletedAt} END`,
    legal_hold: `CASE WHEN i % 1000 = 7 THEN TRUE ELSE FALSE END`,
    cleanup_attempts: `CASE WHEN ${purged} THEN 1 ELSE 0 END`,
  };
}

function inboxValues(d: Dialect, now: number): Record<string, string> {
  const r = '(a % 100)';
  const r2 = '((a / 100) % 100)';
  const faceAuth = `${r} < 90`;
  const authId = `'wh' || ${d.hex('a', 8)} || '-' || i`;
  const token = `'T' || ${d.hex('a', 8)} || ${d.hex('i', 15)}`;
  const status = `CASE WHEN ${r2} < 95 THEN 'done' WHEN ${r2} < 96 THEN 'pending' WHEN ${r2} < 98 THEN 'dead' ELSE 'ignored' END`;
  return {
    id: uuidSql(d, SALT.inbox),
    dedupe_key: `CASE WHEN ${faceAuth} THEN 'faceAuth:' || ${authId} ELSE 'token_expired:' || ${token} || ':count' END`,
    trigger: `CASE WHEN ${faceAuth} THEN 'faceAuth' ELSE 'token_expired' END`,
    auth_id: `CASE WHEN ${faceAuth} THEN ${authId} END`,
    token_id: `CASE WHEN ${faceAuth} AND ${r} % 2 = 1 THEN NULL ELSE ${token} END`,
    project: `'default'`,
    payload:
      `CASE WHEN ${faceAuth} THEN '{"kind":"faceAuth","authId":"' || ${authId} || '","status":"approved",` +
      `"submissionId":"s","createTime":"2026-11-20T10:00:00Z"}' ` +
      `ELSE '{"kind":"tokenExpired","tokenId":"' || ${token} || '","condition":"count","service":"faceAuth"}' END`,
    source: `CASE WHEN ${r2} % 20 = 19 THEN 'reconcile' ELSE 'webhook' END`,
    status,
    attempts: `CASE WHEN ${r2} < 95 THEN 1 WHEN ${r2} < 96 THEN 3 WHEN ${r2} < 98 THEN 8 ELSE 0 END`,
    // A pending row waits for its retry, a day from now: not due during the run.
    next_attempt_at: `CASE WHEN ${r2} >= 95 AND ${r2} < 96 THEN ${now + DAY_MS} + i ELSE c END`,
    locked_until: 'NULL',
    last_error: `CASE WHEN ${r2} >= 95 AND ${r2} < 98 THEN 'ARGOS_UNAVAILABLE: 503 from the verification lookup' END`,
    received_at: 'c',
    processed_at: `CASE WHEN ${r2} < 95 THEN c + 2000 END`,
  };
}

function auditValues(d: Dialect): Record<string, string> {
  return {
    id: uuidSql(d, SALT.audit),
    run_id: `${d.hex('(i / 100)', 8)} || '-0000-4000-8' || ${d.hex(String(SALT.run), 3)} || '-' || ${d.hex('i / 100', 12)}`,
    subject_type: `CASE i % 3 WHEN 0 THEN 'result' WHEN 1 THEN 'token' ELSE 'inbox' END`,
    subject_id: `'subj-' || i`,
    project: `'default'`,
    action: `CASE WHEN i % 2 = 0 THEN 'argos_delete' ELSE 'purge' END`,
    reason: `'retention'`,
    outcome: `'done'`,
    attempts: '1',
    error_code: 'NULL',
    at: 'c',
  };
}

function apiKeyValues(d: Dialect): Record<string, string> {
  return {
    id: uuidSql(d, SALT.key),
    name: `'scale-key-' || i`,
    key_hash: d.hex('a', 64),
    key_prefix: `'fa_' || ${d.hex('a', 8)}`,
    scopes: `'links:read,links:write'`,
    created_at: 'c',
    revoked_at: `CASE WHEN i % 4 = 0 THEN c + 1000 END`,
  };
}

export interface SeedTiming {
  table: string;
  rows: number;
  ms: number;
}

/**
 * Seeds the product's tables of a migrated database with `rows` rows each (API keys: 20). Table names come
 * from the DataSource (its table prefix applied, `tableOf`). PostgreSQL tables are then VACUUM ANALYZEd, as
 * autovacuum would have done long before a table reached that size; SQLite gets no ANALYZE (the service
 * never runs one, so its planner works without statistics in production too).
 */
export async function seedScaleTables(
  dataSource: DataSource,
  kind: BenchDatabaseKind,
  rows: number,
  now: number,
): Promise<SeedTiming[]> {
  const d = kind === 'postgres' ? POSTGRES : SQLITE;
  // The two slowest to seed first (tokens and inbox rows: the most indexes), so that PostgreSQL's two lanes start with them.
  const plan: [string, number, number, Record<string, string>][] = [
    [tableOf(dataSource, 'tokens'), rows, LINK_SPAN_MS, tokensValues(d, rows, now)],
    [tableOf(dataSource, 'webhook_inbox'), rows, INBOX_SPAN_MS, inboxValues(d, now)],
    [tableOf(dataSource, 'results'), rows, RESULT_SPAN_MS, resultsValues(d, rows)],
    [tableOf(dataSource, 'cleanup_audit'), rows, RESULT_SPAN_MS, auditValues(d)],
    [tableOf(dataSource, 'internal_api_keys'), API_KEYS, LINK_SPAN_MS, apiKeyValues(d)],
  ];
  // A large page cache for the bulk insert only (random keys into eight B-trees thrash the default 2 MB);
  // set back afterwards, so the bench's own statements (the cleanup claim) run with the service's cache.
  if (kind === 'sqlite') await dataSource.query('PRAGMA cache_size = -524288');
  const seedTable = async ([table, n, span, values]: (typeof plan)[number]): Promise<SeedTiming> => {
    const started = performance.now();
    await dataSource.query(insertSql(d, table, n, now, span, values));
    if (kind === 'postgres') await dataSource.query(`VACUUM ANALYZE ${table}`);
    return { table, rows: n, ms: Math.round(performance.now() - started) };
  };
  // PostgreSQL seeds the tables two at a time, each on its own pooled connection (its own backend, so both
  // cores work: the 1M database in 49 s instead of 73, bench/README.md); SQLite has one writer, one at a time.
  // Each table's time is then its wall time beside another table's; the log lists them in plan order.
  const lanes = kind === 'postgres' ? 2 : 1;
  const queue = [...plan];
  const timings: SeedTiming[] = [];
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) timings.push(await seedTable(next));
    }),
  );
  if (kind === 'sqlite') {
    await dataSource.query('PRAGMA cache_size = -2000');
    await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  return plan.map(([table]) => timings.find((t) => t.table === table)).filter((t) => t !== undefined);
}
