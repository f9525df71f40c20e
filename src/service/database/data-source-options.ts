import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DEFAULT_TABLE_PREFIX, faceAuthNamingStrategy } from '@faceauth/core';
import { FACEAUTH_ENTITIES, FACEAUTH_MIGRATIONS } from '@faceauth/module';
import { DatabaseConfig } from '../config/app-config';
import { Environment } from '../config/environment.schema';
import { BoundedPgClient } from './bounded-pg.client';

interface SqlitePragmaTarget {
  pragma(statement: string): unknown;
}

/** The client gives up this long after the server should have cancelled the statement itself. */
const CLIENT_GRACE_MS = 1_000;

/** The schema's defaults, for a caller that names a database without its timeouts. */
const DEFAULTS = new Environment();

/**
 * The DataSource of the service and of `ormconfig.ts`: one set of entities and migrations for SQLite
 * (embedded default) and PostgreSQL. `synchronize` is never on: the schema comes from migrations. Every
 * wait on the database is bounded (connect, a free pool connection, a statement, a lock), so an outage
 * ends in an error the HTTP layer answers with 503 rather than a request that hangs.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const tablePrefix = database.tablePrefix ?? DEFAULT_TABLE_PREFIX;
  const common = {
    entities: FACEAUTH_ENTITIES,
    migrations: FACEAUTH_MIGRATIONS,
    migrationsRun: database.migrationsRun,
    migrationsTableName: `${tablePrefix}migrations`,
    namingStrategy: faceAuthNamingStrategy(tablePrefix),
    synchronize: false,
    logging: false,
  } as const;
  if (database.type === 'postgres') {
    const timeouts = database.timeouts ?? {
      connectMs: DEFAULTS.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: DEFAULTS.DATABASE_STATEMENT_TIMEOUT_MS,
    };
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      poolSize: database.poolSize,
      // pg's pool applies this to opening a connection and to waiting for a free one.
      connectTimeoutMS: timeouts.connectMs,
      // Passed to pg.Pool as they are; the raw hot-path statements run on the same pool.
      extra: {
        Client: BoundedPgClient,
        statement_timeout: timeouts.statementMs,
        query_timeout: timeouts.statementMs + CLIENT_GRACE_MS,
      },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    // better-sqlite3's busy timeout: how long a statement waits for another connection's lock.
    timeout: database.busyTimeoutMs ?? DEFAULTS.SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: SqlitePragmaTarget) => {
      // WAL + NORMAL is durable across process crashes (only an OS crash may lose the last commits).
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}
