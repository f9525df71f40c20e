import { dataSourceOptions } from './data-source-options';
import { BoundedPgClient } from './bounded-pg.client';

describe('dataSourceOptions: bounded database waits', () => {
  it('passes the connect, pool and statement timeouts to pg, with the client giving up after the server', () => {
    const options = dataSourceOptions({
      type: 'postgres',
      url: 'postgres://u@db:5432/x',
      migrationsRun: false,
      poolSize: 4,
      preparedStatements: true,
      timeouts: { connectMs: 1_500, statementMs: 2_500 },
    });
    expect(options).toMatchObject({
      connectTimeoutMS: 1_500,
      extra: { Client: BoundedPgClient, statement_timeout: 2_500, query_timeout: 3_500 },
    });
  });

  it('bounds PostgreSQL by default when a caller names the database alone', () => {
    const options = dataSourceOptions({
      type: 'postgres',
      url: 'postgres://u@db:5432/x',
      migrationsRun: false,
      poolSize: 4,
      preparedStatements: true,
    });
    expect(options).toMatchObject({ connectTimeoutMS: 5_000, extra: { statement_timeout: 30_000 } });
  });

  it('sets the SQLite busy timeout', () => {
    const options = dataSourceOptions({
      type: 'sqlite',
      path: ':memory:',
      migrationsRun: false,
      busyTimeoutMs: 250,
    });
    expect(options).toMatchObject({ type: 'better-sqlite3', timeout: 250 });
  });
});
