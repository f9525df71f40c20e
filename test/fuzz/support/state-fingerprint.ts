import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Every table the service writes (the migrations table aside). */
export const STATE_TABLES = [
  'faceauth_tokens',
  'faceauth_results',
  'faceauth_webhook_inbox',
  'faceauth_internal_api_keys',
  'faceauth_cleanup_runs',
  'faceauth_cleanup_audit',
  'faceauth_cleanup_locks',
] as const;

export type StateFingerprint = Record<(typeof STATE_TABLES)[number], string>;

/**
 * Row count and a digest of every row's content, per table: any insert, update or delete shows. The
 * tables hold at most a few hundred rows during a fuzz run, so reading them whole stays cheap.
 */
export async function fingerprint(dataSource: DataSource): Promise<StateFingerprint> {
  const entries = await Promise.all(
    STATE_TABLES.map(async (table) => {
      const rows = (await dataSource.query(`SELECT * FROM ${table}`)) as unknown[];
      const lines = rows.map((row) => JSON.stringify(row)).sort();
      const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
      return [table, `${rows.length} rows, ${digest}`] as const;
    }),
  );
  return Object.fromEntries(entries) as StateFingerprint;
}
