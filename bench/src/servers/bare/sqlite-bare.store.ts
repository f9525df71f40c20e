import Database from 'better-sqlite3';
import {
  BARE_INBOX_TABLE,
  BareInboxRow,
  BareStore,
  BareTokenRow,
  INSERT_TOKEN_COLUMNS,
  tokenFromDbRow,
  tokenInsertValues,
} from './bare-store';

/** better-sqlite3 with prepared statements and the service's pragmas (WAL, synchronous NORMAL). */
export function openSqliteBareStore(path: string): BareStore {
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
  return {
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
