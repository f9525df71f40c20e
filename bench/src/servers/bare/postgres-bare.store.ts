import { Pool } from 'pg';
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

const FIND_TOKEN = 'SELECT * FROM faceauth_tokens WHERE id = $1';
const INSERT_TOKEN = `INSERT INTO faceauth_tokens (${INSERT_TOKEN_COLUMNS.join(', ')}) VALUES (${INSERT_TOKEN_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const INSERT_INBOX = `INSERT INTO ${BARE_INBOX_TABLE} (id, dedupe_key, trigger, auth_id, token_id, project, payload, source, status, attempts,
  next_attempt_at, received_at)
VALUES ($1, $2, 'faceAuth', $3, NULL, NULL, $4, 'webhook', 'pending', 0, $5, $5)
ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
const CLAIM_INBOX = bareClaimSql(true);

/**
 * A pg Pool of the same size as the service's TypeORM pool, so both sides get the same concurrency; named
 * (prepared) statements, as the service's hot statements are.
 */
export function openPostgresBareStore(url: string, poolSize: number, project: string): BareStore {
  const pool = new Pool({ connectionString: url, max: poolSize });
  return {
    async findToken(id: string): Promise<BareTokenRow | null> {
      const result = await pool.query<Record<string, unknown>>({
        name: 'bare_find_token',
        text: FIND_TOKEN,
        values: [id],
      });
      const raw = result.rows[0];
      return raw ? tokenFromDbRow(raw) : null;
    },
    async insertToken(row: BareTokenRow): Promise<void> {
      await pool.query({ name: 'bare_insert_token', text: INSERT_TOKEN, values: tokenInsertValues(row) });
    },
    async insertInbox(row: BareInboxRow): Promise<boolean> {
      const result = await pool.query({
        name: 'bare_insert_inbox',
        text: INSERT_INBOX,
        values: [row.id, row.dedupeKey, row.authId, row.payload, row.receivedAt],
      });
      return result.rows.length === 1;
    },
    async claimInbox(now: number, leaseUntil: number, limit: number): Promise<BareClaimedRow[]> {
      const result = await pool.query<{ id: string; auth_id: string; locked_until: string }>({
        name: 'bare_claim_inbox',
        text: CLAIM_INBOX,
        values: [now, leaseUntil, limit],
      });
      return result.rows.map((r) => ({ id: r.id, authId: r.auth_id, lockedUntil: Number(r.locked_until) }));
    },
    async writeProcessed(rows: readonly BareProcessedRow[], now: number): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const p of rows) {
          await client.query({
            name: 'bare_upsert_result',
            text: BARE_RESULT_UPSERT,
            values: bareResultValues(p, project, now),
          });
        }
        for (const p of rows) {
          await client.query({
            name: 'bare_inbox_done',
            text: BARE_INBOX_DONE,
            values: [p.row.id, p.row.lockedUntil, now],
          });
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
