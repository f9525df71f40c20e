import { existsSync, readFileSync } from 'node:fs';
import { TestDatabase } from './test-databases';

/**
 * The bytes of a SQLite test database as stored on disk (the file and its write-ahead log), as Latin-1 text
 * to search for values that must have been erased.
 */
export function sqliteFilesText(database: TestDatabase): string {
  const config = database.config;
  if (config.type !== 'sqlite') throw new Error('not a SQLite database');
  return [config.path, `${config.path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}
