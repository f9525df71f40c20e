import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * The bench's own connection to the database under test: schema set-up, seeding checks and the final
 * counts of the webhook row. Never used while a round is measured.
 */
export interface SqlProbe {
  /** `sql` uses `$1, $2…` in order of appearance (rewritten to `?` for SQLite). */
  query<T extends object>(sql: string, params?: readonly (string | number | null)[]): Promise<T[]>;
  /** Runs statements that return nothing (DDL). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function openSqliteProbe(path: string): SqlProbe {
  const db = new Database(path, { timeout: 10_000 });
  return {
    async query<T extends object>(
      sql: string,
      params: readonly (string | number | null)[] = [],
    ): Promise<T[]> {
      const statement = db.prepare(sql.replace(/\$\d+/g, '?'));
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async exec(sql: string): Promise<void> {
      db.exec(sql);
    },
    async close(): Promise<void> {
      db.close();
    },
  };
}

export async function openPostgresProbe(url: string): Promise<SqlProbe> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    async query<T extends object>(
      sql: string,
      params: readonly (string | number | null)[] = [],
    ): Promise<T[]> {
      return (await client.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
