import { BenchDatabaseKind } from './bench-database';
import { SqlProbe } from './sql-probe';
import { createTwinTable } from './twin-inbox';

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
  await createTwinTable(probe, kind, SERVICE_OUTBOX_TABLE, BARE_OUTBOX_TABLE);
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
