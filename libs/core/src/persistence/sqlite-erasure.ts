import { DataSource } from 'typeorm';
import { databaseKind } from './database-kind';

/**
 * Erasing personal data on SQLite takes more than an UPDATE or DELETE: SQLite leaves the old cell contents
 * in the page's free space and keeps old page images in the write-ahead log. `secure_delete` makes it
 * overwrite freed content with zeros; truncating the WAL after an erasure removes the old images. Both are
 * no-ops on PostgreSQL, whose dead row versions are reclaimed by (auto)vacuum.
 */
export async function enableSecureDelete(dataSource: DataSource): Promise<void> {
  if (databaseKind(dataSource) === 'sqlite') await dataSource.query('PRAGMA secure_delete = ON');
}

/**
 * Checkpoints and empties the WAL. Returns false when a reader in another process kept part of it (the
 * next erasure or checkpoint retries); true otherwise, and always on PostgreSQL.
 */
export async function truncateSqliteWal(dataSource: DataSource): Promise<boolean> {
  if (databaseKind(dataSource) !== 'sqlite') return true;
  const rows = (await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy?: number }[];
  return (rows[0]?.busy ?? 0) === 0;
}
