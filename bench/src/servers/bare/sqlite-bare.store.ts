import Database from 'better-sqlite3';
import {
  BARE_INBOX_DONE,
  BARE_INBOX_TABLE,
  BARE_RESULT_UPSERT,
  bareClaimSql,
  BareClaimedRow,
  BareInboxRow,
  BareProcessedRow,
  bareResultValues,
  BareStore,
  BareTokenRow,
  INSERT_TOKEN_COLUMNS,
  tokenFromDbRow,
  tokenInsertValues,
} from './bare-store';

/** better-sqlite3 with prepared statements and the service's pragmas (WAL, synchronous NORMAL). */
export function openSqliteBareStore(path: string, project: string): BareStore {
  const db = new Database(path, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const findToken = db.prepare('SELECT * FROM faceauth_tokens WHERE id = ?');
  const insertToken = db.prepare(
    `INSERT INTO faceauth_tokens (${INSERT_TOKEN_COLUMNS.join(', ')}) VALUES (${INSERT_TOKEN_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertInbox = db.prepare(
    `INSERT INTO ${BARE_INBOX_TABLE} (id, dedupe_key, trigger, auth_id, token_id, project, payload, source, status, attempts,
       next_attempt_at, received_at)
     VALUES (?, ?, 'faceAuth', ?, NULL, NULL, ?, 'webhook', 'pending', 0, ?, ?)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
  );
  // The shared texts use `$n`, which SQLite reads as named parameters: bound as `{ 1: …, 2: … }`.
  const named = (values: readonly unknown[]) => Object.fromEntries(values.map((v, i) => [i + 1, v]));
  // The twin tables exist only once the bench created them (after the service migrated): prepared lazily.
  let processing: {
    claim: (now: number, leaseUntil: number, limit: number) => unknown[];
    write: (rows: readonly BareProcessedRow[], now: number) => void;
  } | null = null;
  const processingStatements = () => {
    if (processing) return processing;
    const claim = db.prepare(bareClaimSql(false));
    const upsert = db.prepare(BARE_RESULT_UPSERT);
    const done = db.prepare(BARE_INBOX_DONE);
    processing = {
      claim: (now, leaseUntil, limit) => claim.all(named([now, leaseUntil, limit])),
      write: db.transaction((rows: readonly BareProcessedRow[], now: number) => {
        for (const p of rows) upsert.run(named(bareResultValues(p, project, now)));
        for (const p of rows) done.run(named([p.row.id, p.row.lockedUntil, now]));
      }),
    };
    return processing;
  };
  return {
    async claimInbox(now: number, leaseUntil: number, limit: number): Promise<BareClaimedRow[]> {
      const rows = processingStatements().claim(now, leaseUntil, limit) as {
        id: string;
        auth_id: string;
        locked_until: number;
      }[];
      return rows.map((r) => ({ id: r.id, authId: r.auth_id, lockedUntil: Number(r.locked_until) }));
    },
    async writeProcessed(rows: readonly BareProcessedRow[], now: number): Promise<void> {
      processingStatements().write(rows, now);
    },
    async findToken(id: string): Promise<BareTokenRow | null> {
      const raw = findToken.get(id) as Record<string, unknown> | undefined;
      return raw ? tokenFromDbRow(raw) : null;
    },
    async insertToken(row: BareTokenRow): Promise<void> {
      insertToken.run(tokenInsertValues(row));
    },
    async insertInbox(row: BareInboxRow): Promise<boolean> {
      return (
        insertInbox.get(row.id, row.dedupeKey, row.authId, row.payload, row.receivedAt, row.receivedAt) !==
        undefined
      );
    },
    async close(): Promise<void> {
      db.close();
    },
  };
}
