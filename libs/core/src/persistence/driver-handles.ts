import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * The one place that reaches into TypeORM's driver objects. The fields read here are not part of
 * TypeORM's documented API (`driver.master`, `driver.databaseConnection`, a PostgreSQL query runner's
 * `releasePostgresConnection`), so every use checks, on first use, that the installed TypeORM is a version
 * they were checked against and that the field has the expected shape, and refuses with a message that says
 * what to re-check otherwise. Checked against TypeORM 1.0 and 1.1, and 0.3.20 to 0.3.31 (`PostgresDriver.master`
 * is the pg Pool, `AbstractSqliteDriver.databaseConnection` the better-sqlite3 Database,
 * `PostgresQueryRunner.releasePostgresConnection(err)` hands `err` to pg-pool's release), by the hosts of
 * test/embedding/peer-ranges.e2e-spec.ts. TypeORM 0.3 before 0.3.20 was not checked and is refused.
 */
const CHECKED_TYPEORM_VERSIONS: readonly {
  major: number;
  minor?: number;
  fromPatch?: number;
  label: string;
}[] = [
  { major: 0, minor: 3, fromPatch: 20, label: '0.3.x from 0.3.20' },
  { major: 1, label: '1.x' },
];

/** The TypeORM majors of the versions above (of major 0, only 0.3.20 and later 0.3 releases). */
export const SUPPORTED_TYPEORM_MAJORS: readonly number[] = CHECKED_TYPEORM_VERSIONS.map((v) => v.major);

/** The parts of a better-sqlite3 statement the raw SQL layer uses. */
export interface SqliteStatementHandle {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

/** The parts of a better-sqlite3 Database the raw SQL layer uses. */
export interface SqliteConnectionHandle {
  prepare(sql: string): SqliteStatementHandle;
  /** Whether a transaction is open on the connection (TypeORM's, say). */
  readonly inTransaction: boolean;
  /** Wraps `fn` in BEGIN … COMMIT (ROLLBACK when it throws); `.immediate` takes the write lock at BEGIN. */
  transaction<T>(fn: () => T): { immediate(): T };
}

/** A pg query as the raw SQL layer sends it (named: prepared once per connection). */
export interface PostgresQuery {
  name?: string;
  text: string;
  values: unknown[];
}

/** One connection checked out of the pool. */
export interface PostgresClientHandle {
  query(query: PostgresQuery | string): Promise<{ rows: Record<string, unknown>[] }>;
  /** Back to the pool; with an error, the connection is destroyed instead. */
  release(error?: Error | boolean): void;
}

/** The parts of a pg Pool the raw SQL layer uses. */
export interface PostgresPoolHandle {
  query(query: PostgresQuery): Promise<{ rows: Record<string, unknown>[] }>;
  connect(): Promise<PostgresClientHandle>;
}

/** TypeORM is not the version, or its driver not the shape, this module was written for. */
export class DriverInternalsError extends Error {
  override readonly name = 'DriverInternalsError';
}

const HERE = 'libs/core/src/persistence/driver-handles.ts';

let installedVersion: string | undefined;
let versionAccepted = false;

/** The version of the TypeORM that `require('typeorm')` loads, from its package.json. */
export function installedTypeormVersion(): string {
  if (installedVersion === undefined) {
    // `typeorm/package.json` is not in the package's exports: read it next to the resolved entry point.
    const file = join(dirname(require.resolve('typeorm')), 'package.json');
    installedVersion = String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
  }
  return installedVersion;
}

/** Throws unless `version` is a TypeORM release this module was checked against (see CHECKED_TYPEORM_VERSIONS). */
export function assertTypeormVersion(version: string): void {
  const [major, minor, patch] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  const checked = CHECKED_TYPEORM_VERSIONS.some(
    (v) =>
      v.major === major &&
      (v.minor === undefined || v.minor === minor) &&
      (v.fromPatch === undefined || patch >= v.fromPatch),
  );
  if (!checked) {
    throw new DriverInternalsError(
      `TypeORM ${version} is installed, but the raw SQL layer reads driver internals checked against TypeORM ` +
        `${CHECKED_TYPEORM_VERSIONS.map((v) => v.label).join(', ')} only. Check the fields read in ${HERE} ` +
        'against the driver sources of the installed TypeORM, then add it to CHECKED_TYPEORM_VERSIONS.',
    );
  }
}

function checkVersionOnce(): void {
  if (versionAccepted) return;
  assertTypeormVersion(installedTypeormVersion());
  versionAccepted = true;
}

function missing(field: string, expected: string): DriverInternalsError {
  return new DriverInternalsError(
    `TypeORM ${installedTypeormVersion()}: ${field} is not ${expected}. The raw SQL layer (${HERE}) was ` +
      'written against the driver internals of TypeORM 0.3.20+ and 1.x; re-check them against the installed TypeORM.',
  );
}

const hasMethod = (value: unknown, method: string): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[method] === 'function';

/** The better-sqlite3 Database of an initialized `better-sqlite3` DataSource. */
export function sqliteConnectionOf(dataSource: DataSource): SqliteConnectionHandle {
  checkVersionOnce();
  const connection = (dataSource.driver as unknown as { databaseConnection?: unknown }).databaseConnection;
  if (!hasMethod(connection, 'prepare') || !hasMethod(connection, 'transaction')) {
    throw missing(
      'driver.databaseConnection',
      'a better-sqlite3 Database (with prepare() and transaction())',
    );
  }
  return connection as SqliteConnectionHandle;
}

/** The pg Pool of an initialized `postgres` DataSource (its master pool when replicated). */
export function postgresPoolOf(dataSource: DataSource): PostgresPoolHandle {
  checkVersionOnce();
  const pool = (dataSource.driver as unknown as { master?: unknown }).master;
  if (!hasMethod(pool, 'query') || !hasMethod(pool, 'connect')) {
    throw missing('driver.master', 'a pg Pool (with query() and connect())');
  }
  return pool as PostgresPoolHandle;
}

/**
 * Ends a PostgreSQL query runner by handing `error` to pg-pool, which then destroys the connection instead
 * of pooling it again: for a session whose state (an advisory lock, say) is unknown.
 */
export async function discardPostgresConnection(runner: QueryRunner, error: Error): Promise<void> {
  checkVersionOnce();
  const release = (runner as unknown as { releasePostgresConnection?: unknown }).releasePostgresConnection;
  if (typeof release !== 'function') {
    throw missing('QueryRunner.releasePostgresConnection', 'a function (is this a PostgreSQL query runner?)');
  }
  await (release as (this: QueryRunner, err: Error) => Promise<void>).call(runner, error);
}
