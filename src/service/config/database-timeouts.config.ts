import { EnvReader } from './env-reader.config';

/** How long PostgreSQL calls may wait, in milliseconds (see the README's configuration table). */
export interface PostgresTimeoutsConfig {
  /** Opening a connection, and waiting for a free one of the pool: pg's pool uses one bound for both. */
  connectMs: number;
  /** One statement: the server cancels it (`statement_timeout`); the client gives up a little later. */
  statementMs: number;
}

const HOUR_MS = 3_600_000;

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeoutsConfig = { connectMs: 5_000, statementMs: 30_000 };
export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** `DATABASE_CONNECT_TIMEOUT_MS`, `DATABASE_STATEMENT_TIMEOUT_MS`: never unbounded, so an outage is an answer. */
export function readPostgresTimeouts(env: EnvReader): PostgresTimeoutsConfig {
  return {
    connectMs: env.int('DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_POSTGRES_TIMEOUTS.connectMs, {
      min: 100,
      max: 10 * 60_000,
    }),
    statementMs: env.int('DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_POSTGRES_TIMEOUTS.statementMs, {
      min: 100,
      max: 24 * HOUR_MS,
    }),
  };
}

/** `SQLITE_BUSY_TIMEOUT_MS`: how long a statement waits for another connection's write lock (SQLITE_BUSY). */
export function readSqliteBusyTimeout(env: EnvReader): number {
  return env.int('SQLITE_BUSY_TIMEOUT_MS', DEFAULT_SQLITE_BUSY_TIMEOUT_MS, { min: 0, max: 10 * 60_000 });
}
