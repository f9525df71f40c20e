import { DataSource } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Which SQL dialect a DataSource speaks, for the few statements that differ (locks, RETURNING). */
export function databaseKind(dataSource: DataSource): DatabaseKind {
  const type = dataSource.options.type;
  if (type === 'postgres') return 'postgres';
  if (type === 'better-sqlite3') return 'sqlite';
  throw new Error(`Unsupported database type "${type}": use better-sqlite3 or postgres`);
}
