import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { FACEAUTH_ENTITIES, FACEAUTH_MIGRATIONS } from '@faceauth/module';
import { DatabaseConfig } from '../config/app-config';

interface SqlitePragmaTarget {
  pragma(statement: string): unknown;
}

/**
 * The DataSource of the service and of `ormconfig.ts`: one set of entities and migrations for SQLite
 * (embedded default) and PostgreSQL. `synchronize` is never on: the schema comes from migrations.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: FACEAUTH_ENTITIES,
    migrations: FACEAUTH_MIGRATIONS,
    migrationsRun: database.migrationsRun,
    migrationsTableName: 'faceauth_migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (database.type === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, poolSize: database.poolSize };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 5_000,
    prepareDatabase: (db: SqlitePragmaTarget) => {
      // WAL + NORMAL is durable across process crashes (only an OS crash may lose the last commits).
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}
