import { DataSource } from 'typeorm';

const unprepared = new WeakSet<DataSource>();

/**
 * PostgreSQL: whether the hot-path statements of {@link RawSql} run as named (server-side prepared)
 * statements on this DataSource — the default, which saves the server a parse and plan per statement and
 * the client the Parse message. Turn it off behind a connection pooler that cannot keep prepared statements
 * (PgBouncer before 1.21, or with `max_prepared_statements = 0`, in transaction mode).
 */
export function usePreparedStatements(dataSource: DataSource, enabled: boolean): void {
  if (enabled) unprepared.delete(dataSource);
  else unprepared.add(dataSource);
}

export function preparedStatementsOn(dataSource: DataSource): boolean {
  return !unprepared.has(dataSource);
}
