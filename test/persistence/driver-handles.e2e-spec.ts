import { DataSource, QueryRunner } from 'typeorm';
import {
  assertTypeormVersion,
  discardPostgresConnection,
  DriverInternalsError,
  installedTypeormVersion,
  postgresPoolOf,
  RawSql,
  sqliteConnectionOf,
  SUPPORTED_TYPEORM_MAJORS,
} from '@faceauth/core';
import { databasesUnderTest } from '../support/test-databases';
import { useTestDataSource } from '../support/test-data-source';
/** A DataSource whose driver lacks what TypeORM 0.3.20+ and 1.x have (a later TypeORM that renamed its fields). */
const fake = (type: string, driver: object): DataSource =>
  ({ options: { type }, isInitialized: true, driver }) as unknown as DataSource;

describe('driver handles on an unexpected TypeORM', () => {
  it('reads the installed TypeORM version and accepts it', () => {
    expect(installedTypeormVersion()).toMatch(/^1\.\d+\.\d+/);
    expect(() => assertTypeormVersion(installedTypeormVersion())).not.toThrow();
  });

  it('accepts the TypeORM releases whose driver internals were checked: 0.3.20 and later 0.3, and 1.x', () => {
    for (const version of ['0.3.20', '0.3.31', '0.3.100', '1.0.0', '1.1.1', '1.7.0']) {
      expect(() => assertTypeormVersion(version)).not.toThrow();
    }
    expect(SUPPORTED_TYPEORM_MAJORS).toEqual([0, 1]);
  });

  it('refuses a TypeORM it was not written for, saying what to re-check', () => {
    expect(() => assertTypeormVersion('2.0.0')).toThrow(DriverInternalsError);
    expect(() => assertTypeormVersion('2.0.0')).toThrow(
      /TypeORM 2\.0\.0 is installed.*0\.3\.x from 0\.3\.20, 1\.x only.*driver-handles\.ts/,
    );
    // 0.3 before 0.3.20, and any other 0.x, were not checked.
    for (const version of ['0.3.19', '0.3.0', '0.2.45', '0.4.0', '0.0.1', 'not-a-version']) {
      expect(() => assertTypeormVersion(version)).toThrow(DriverInternalsError);
    }
  });

  it('refuses at first use when the installed TypeORM is of another major', () => {
    jest.isolateModules(() => {
      jest.doMock('node:fs', () => {
        const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
        return {
          ...actual,
          readFileSync: (file: string, encoding: BufferEncoding) =>
            /typeorm[\\/]package\.json$/.test(String(file))
              ? JSON.stringify({ version: '2.1.0' })
              : actual.readFileSync(file, encoding),
        };
      });
      const handles = '../../libs/core/src/persistence/driver-handles';
      // A fresh copy of the module, which reads the (mocked) package.json at its first use.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated: typeof import('@faceauth/core') = require(handles);
      const sqlite = fake('better-sqlite3', { databaseConnection: { prepare: () => undefined } });
      expect(() => isolated.sqliteConnectionOf(sqlite)).toThrow(/TypeORM 2\.1\.0 is installed/);
    });
    jest.dontMock('node:fs');
  });

  it('refuses a driver without the fields it reads, naming them', async () => {
    expect(() => sqliteConnectionOf(fake('better-sqlite3', {}))).toThrow(
      /driver\.databaseConnection is not a better-sqlite3 Database/,
    );
    expect(() => postgresPoolOf(fake('postgres', { master: { query: () => undefined } }))).toThrow(
      /driver\.master is not a pg Pool/,
    );
    await expect(discardPostgresConnection({} as QueryRunner, new Error('x'))).rejects.toThrow(
      /releasePostgresConnection is not a function/,
    );
    // Through the runner of the hot paths, at its first statement.
    await expect(new RawSql(fake('postgres', { master: null })).rows('SELECT 1')).rejects.toThrow(
      DriverInternalsError,
    );
  });
});

describe.each(databasesUnderTest())('driver handles on %s', (kind) => {
  const db = useTestDataSource(kind, { migrationsRun: false });

  if (kind === 'sqlite') {
    it('hands out the better-sqlite3 Database that TypeORM uses', () => {
      const connection = sqliteConnectionOf(db.dataSource);
      expect(connection.prepare('SELECT 41 + 1 AS answer').all()).toEqual([{ answer: 42 }]);
      expect(() => postgresPoolOf(db.dataSource)).toThrow(/driver\.master is not a pg Pool/);
    });
  }

  if (kind === 'postgres') {
    it('hands out the pg Pool that TypeORM uses', async () => {
      const pool = postgresPoolOf(db.dataSource);
      expect((await pool.query({ text: 'SELECT 41 + $1::int AS answer', values: [1] })).rows).toEqual([
        { answer: 42 },
      ]);
      expect(() => sqliteConnectionOf(db.dataSource)).toThrow(/driver\.databaseConnection/);
    });

    it('discards a connection instead of pooling it again', async () => {
      const pool = postgresPoolOf(db.dataSource) as unknown as { totalCount: number };
      const runner = db.dataSource.createQueryRunner();
      await runner.connect();
      const pid = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      const before = pool.totalCount;
      await discardPostgresConnection(runner, new Error('session state unknown'));
      expect(runner.isReleased).toBe(true);
      expect(pool.totalCount).toBe(before - 1);
      // The server session ends with it (asynchronously: the socket closes, then the backend exits).
      const alive = async (): Promise<boolean> => {
        const rows = (await db.dataSource.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1',
          [pid[0].pid],
        )) as { n: number }[];
        return rows[0].n > 0;
      };
      for (let i = 0; i < 50 && (await alive()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await alive()).toBe(false);
    });
  }

  it('runs the hot-path statements through them', async () => {
    const sql = new RawSql(db.dataSource);
    expect(await sql.rows('SELECT $1 AS echo', ['x'])).toEqual([{ echo: 'x' }]);
  });
});
