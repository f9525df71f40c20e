import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openPostgresProbe, openSqliteProbe, SqlProbe } from './sql-probe';

export type BenchDatabaseKind = 'sqlite' | 'postgres';

/** Where the bench creates its throw-away PostgreSQL databases (trust auth on these machines). */
export const BENCH_POSTGRES_ADMIN_URL =
  process.env.FACEAUTH_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database owned by one row: both servers of the row use it, and it is dropped afterwards. */
export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** The service's database settings (SQLITE_PATH or DATABASE_URL), also read by the bare server. */
  env: Record<string, string>;
  /** Opens the bench's own connection (after the service has migrated the schema). */
  openProbe(): Promise<SqlProbe>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faceauth-bench-'));
    const path = join(dir, 'bench.sqlite');
    return {
      kind,
      env: { SQLITE_PATH: path },
      openProbe: async () => openSqliteProbe(path),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `faceauth_bench_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(BENCH_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    openProbe: () => openPostgresProbe(url.toString()),
    drop: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: BENCH_POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${BENCH_POSTGRES_ADMIN_URL} is unreachable (${(error as Error).message}); start it ` +
        '(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set FACEAUTH_BENCH_POSTGRES_URL',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
