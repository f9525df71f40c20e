import { BenchDatabaseKind } from './bench-database';
import { SqlProbe } from './sql-probe';

/** The service's outbox, as its migrations name it (default table prefix). */
export const SERVICE_OUTBOX_TABLE = 'faceauth_notification_outbox';

/** The `deliveries-*` limit's outbox: a twin of the service's, written and claimed by the limit alone. */
export const BARE_OUTBOX_TABLE = 'bench_notification_outbox';

/**
 * Creates the limit's outbox: a copy of `faceauth_notification_outbox` as the service's migrations made it
 * (columns, primary key, the due / endpoint / unique event indexes), so that each of the limit's writes
 * maintains exactly the indexes the service's writes maintain. A separate table, because the service's
 * dispatcher would otherwise claim and send the limit's rows (and the limit the service's). Call it once the
 * service has migrated the database.
 */
export async function createTwinOutbox(probe: SqlProbe, kind: BenchDatabaseKind): Promise<void> {
  if (kind === 'postgres') {
    await probe.exec(`CREATE TABLE ${BARE_OUTBOX_TABLE} (LIKE ${SERVICE_OUTBOX_TABLE} INCLUDING ALL)`);
    return;
  }
  const ddl = await probe.query<{ sql: string }>(
    `SELECT sql FROM sqlite_master WHERE tbl_name = '${SERVICE_OUTBOX_TABLE}' AND sql IS NOT NULL ORDER BY type DESC`,
  );
  if (!ddl.some(({ sql }) => /^\s*CREATE\s+TABLE/i.test(sql))) {
    throw new Error(`${SERVICE_OUTBOX_TABLE} does not exist: the service did not migrate the database`);
  }
  // `ORDER BY type DESC` puts the table before its indexes; the table is renamed, and so is every index
  // (`idx_notification_outbox_due` → `bench_idx_notification_outbox_due`: index names are per database).
  for (const { sql } of ddl) {
    await probe.exec(
      sql
        .replaceAll(SERVICE_OUTBOX_TABLE, BARE_OUTBOX_TABLE)
        .replace(/INDEX\s+("?)(\w+)("?)\s+ON/i, (_m, q1, name, q2) => `INDEX ${q1}bench_${name}${q2} ON`),
    );
  }
}

/** The twin's indexes, for the row's check that the limit maintains as many as the service's outbox. */
export async function outboxIndexCount(
  probe: SqlProbe,
  kind: BenchDatabaseKind,
  table: string,
): Promise<number> {
  const [row] =
    kind === 'postgres'
      ? await probe.query<{ n: string | number }>(
          'SELECT count(*) AS n FROM pg_indexes WHERE tablename = $1',
          [table],
        )
      : await probe.query<{ n: number }>(
          `SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = $1`,
          [table],
        );
  return Number(row?.n ?? 0);
}
