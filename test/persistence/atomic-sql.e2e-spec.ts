import { RawSql, SqlStep } from '@faceauth/core';
import { databasesUnderTest } from '../support/test-databases';
import { useTestDataSource } from '../support/test-data-source';

const insert = (id: string, note: string): SqlStep => ({
  text: 'INSERT INTO atomic_probe (id, note) VALUES ($1, $2) RETURNING id, note',
  values: [id, note],
});

/**
 * `RawSql.atomic`: a unit written once as a generator of statements commits all of them or none, on both
 * engines; each statement gets the rows of the one before; and on SQLite (one shared connection) a statement
 * another request issues meanwhile never lands inside the unit, so a rollback of the unit cannot undo it.
 */
describe.each(databasesUnderTest())('RawSql.atomic on %s', (kind) => {
  const db = useTestDataSource(kind, { migrationsRun: false });
  let sql: RawSql;

  beforeAll(async () => {
    await db.dataSource.query('CREATE TABLE atomic_probe (id VARCHAR(36) PRIMARY KEY, note VARCHAR(64))');
    sql = new RawSql(db.dataSource);
  });
  beforeEach(() => db.dataSource.query('DELETE FROM atomic_probe'));

  const ids = async (): Promise<string[]> =>
    ((await db.dataSource.query('SELECT id FROM atomic_probe ORDER BY id')) as Array<{ id: string }>).map(
      (r) => r.id,
    );

  it('commits every statement, each step reading the rows of the one before', async () => {
    const value = await sql.atomic(function* () {
      const [first] = yield insert('a', 'first');
      const [second] = yield insert('b', `after ${String(first.note)}`);
      return String(second.note);
    });
    expect(value).toBe('after first');
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('commits none when the work throws, and rethrows', async () => {
    await expect(
      sql.atomic(function* () {
        yield insert('a', 'kept?');
        throw new Error('decided against it');
      }),
    ).rejects.toThrow('decided against it');
    expect(await ids()).toEqual([]);
  });

  it('commits none when a statement fails (a duplicate key)', async () => {
    // better-sqlite3's SqliteError is not an Error of Jest's realm: compare the message.
    const failure = await sql
      .atomic(function* () {
        yield insert('a', 'one');
        yield insert('a', 'again');
        return 'committed';
      })
      .catch((error: { message?: string }) => `failed: ${error.message}`);
    expect(failure).toMatch(/^failed: .*(UNIQUE constraint failed|duplicate key value)/);
    expect(await ids()).toEqual([]);
    // The connection is usable afterwards (SQLite's single one; PostgreSQL's pooled one).
    await sql.rows(insert('z', 'after').text, insert('z', 'after').values);
    expect(await ids()).toEqual(['z']);
  });

  it("keeps other requests' statements out of a unit that rolls back", async () => {
    // Another request's statements, issued while the unit is under way.
    const others = [
      Promise.resolve().then(() => sql.rows(insert('x', 'other').text, insert('x', 'other').values)),
      new Promise((resolve) => setImmediate(resolve)).then(() =>
        sql.rows(insert('y', 'other').text, insert('y', 'other').values),
      ),
    ];
    await expect(
      sql.atomic(function* () {
        yield insert('a', 'unit');
        yield insert('b', 'unit');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await Promise.all(others);
    expect(await ids()).toEqual(['x', 'y']);
  });

  it('waits for a TypeORM transaction open on the connection, and is not undone by its rollback', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const typeorm = db.dataSource
      .transaction(async (manager) => {
        await manager.query(
          kind === 'postgres'
            ? 'INSERT INTO atomic_probe (id, note) VALUES ($1, $2)'
            : 'INSERT INTO atomic_probe (id, note) VALUES (?, ?)',
          ['t', 'typeorm'],
        );
        await held;
        throw new Error('typeorm rolls back');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const unit = sql.atomic(function* () {
      yield insert('u', 'unit');
      return 'done';
    });
    setTimeout(release, 50);
    expect(await unit).toBe('done');
    expect(await typeorm).toBe('typeorm rolls back');
    expect(await ids()).toEqual(['u']);
  });
});
