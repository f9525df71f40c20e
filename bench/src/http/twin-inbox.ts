import { BARE_INBOX_TABLE } from '../servers/bare/bare-store';
import { BenchDatabaseKind } from './bench-database';
import { SqlProbe } from './sql-probe';

/**
 * Creates the baseline's inbox: a copy of `faceauth_webhook_inbox` as the service's migrations made it (columns,
 * unique dedupe key, indexes). A separate table, because the service's processor would otherwise pick up
 * and process the baseline's rows, charging the subject's process for the baseline's work.
 */
export async function createTwinInbox(probe: SqlProbe, kind: BenchDatabaseKind): Promise<void> {
  if (kind === 'postgres') {
    await probe.exec(`CREATE TABLE ${BARE_INBOX_TABLE} (LIKE faceauth_webhook_inbox INCLUDING ALL)`);
    return;
  }
  const ddl = await probe.query<{ sql: string }>(
    `SELECT sql FROM sqlite_master WHERE tbl_name = 'faceauth_webhook_inbox' AND sql IS NOT NULL ORDER BY type DESC`,
  );
  if (ddl.length === 0)
    throw new Error('faceauth_webhook_inbox does not exist: the service did not migrate the database');
  // `ORDER BY type DESC` puts the table before its indexes; the table is renamed, and so is every index
  // (`idx_webhook_inbox_due` → `idx_bench_webhook_inbox_due`: index names are per database).
  for (const { sql } of ddl) {
    await probe.exec(
      sql
        .replaceAll('faceauth_webhook_inbox', BARE_INBOX_TABLE)
        .replaceAll('idx_webhook_inbox', `idx_${BARE_INBOX_TABLE}`),
    );
  }
}
