import { BARE_INBOX_TABLE, BARE_RESULTS_TABLE } from '../servers/bare/bare-store';
import { BenchDatabaseKind } from './bench-database';
import { SqlProbe } from './sql-probe';

/**
 * Creates the baseline's inbox and results tables: copies of `faceauth_webhook_inbox` and `faceauth_results`
 * as the service's migrations made them (columns, unique keys, indexes). Separate tables, because the
 * service's processor would otherwise pick up and process the baseline's rows, charging the subject's process
 * for the baseline's work.
 */
export async function createTwinInbox(probe: SqlProbe, kind: BenchDatabaseKind): Promise<void> {
  await createTwinTable(probe, kind, 'faceauth_webhook_inbox', BARE_INBOX_TABLE);
  await createTwinTable(probe, kind, 'faceauth_results', BARE_RESULTS_TABLE);
}

/**
 * Creates `twin`, a copy of the service's `source` table as its migrations made it (columns, keys, every index,
 * renamed `bench_<name>` on SQLite, where index names are per database). Call it once the service migrated.
 */
export async function createTwinTable(
  probe: SqlProbe,
  kind: BenchDatabaseKind,
  source: string,
  twin: string,
): Promise<void> {
  if (kind === 'postgres') {
    await probe.exec(`CREATE TABLE ${twin} (LIKE ${source} INCLUDING ALL)`);
    return;
  }
  const ddl = await probe.query<{ sql: string }>(
    `SELECT sql FROM sqlite_master WHERE tbl_name = '${source}' AND sql IS NOT NULL ORDER BY type DESC`,
  );
  if (ddl.length === 0) throw new Error(`${source} does not exist: the service did not migrate the database`);
  // `ORDER BY type DESC` puts the table before its indexes; the table is renamed, and so is every index
  // (`idx_webhook_inbox_due` → `bench_idx_webhook_inbox_due`: index names are per database).
  for (const { sql } of ddl) {
    await probe.exec(
      sql
        .replaceAll(source, twin)
        .replace(/INDEX\s+("?)(\w+)("?)\s+ON/i, (_m, q1, name, q2) => `INDEX ${q1}bench_${name}${q2} ON`),
    );
  }
}
