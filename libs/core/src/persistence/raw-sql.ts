import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseKind, DatabaseKind } from './database-kind';
import { postgresPoolOf, SqliteStatementHandle, sqliteConnectionOf } from './driver-handles';
import { compileForSqlite } from './positional-sql';
import { preparedStatementsOn } from './prepared-statements';
import { rawRows } from './raw-rows';

type Row = Record<string, unknown>;

/** One statement of an atomic unit: a `$n` text and its values. */
export interface SqlStep {
  text: string;
  values: readonly unknown[];
}

/**
 * The work of an atomic unit, written once for both engines as a generator: it yields each statement,
 * receives that statement's rows (or `RETURNING` rows), and returns the unit's value. It must do nothing
 * asynchronous: on SQLite it runs synchronously inside one transaction.
 */
export type AtomicWork<T> = () => SqlSteps<T>;

/**
 * A part of an atomic unit's work: statements that end with a value of type `T`, composed into a unit with
 * `yield*` (e.g. the writes of several webhooks in one unit).
 */
export type SqlSteps<T> = Generator<SqlStep, T, Row[]>;

/** How long an atomic unit on SQLite waits for a transaction already open on the connection to end. */
const SQLITE_BUSY_WAIT_MS = 5_000;

interface SqliteEntry {
  statement: SqliteStatementHandle;
  /** For each `?` of the statement, the index of the `$n` parameter it takes. */
  order: readonly number[];
}

// Statement texts are constants of the code; the bound only guards a misuse.
const MAX_STATEMENTS = 256;

/** better-sqlite3 binds neither booleans nor `undefined`. */
const sqliteValue = (value: unknown): unknown =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value;

/**
 * Hot-path statements written once with `$n` placeholders, run on the DataSource's own connection(s)
 * without a TypeORM query runner per call: on SQLite a prepared statement of the single connection (kept
 * per text), on PostgreSQL the driver's pool with a named (prepared) statement per text unless
 * {@link usePreparedStatements} turned that off. Same connections as TypeORM, so the same transaction
 * semantics as `DataSource.query()` (none: every statement commits on its own). Returns the rows, or the
 * `RETURNING` rows of a write.
 */
export class RawSql {
  readonly kind: DatabaseKind;
  private readonly statements = new Map<string, SqliteEntry>();
  private readonly names = new Map<string, string>();
  private preparedOn: unknown = null;

  constructor(readonly dataSource: DataSource) {
    this.kind = databaseKind(dataSource);
  }

  async rows(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    // Not (or no longer) initialized: TypeORM raises its own error.
    if (!this.dataSource.isInitialized)
      return rawRows(await this.dataSource.query(text, params as unknown[]));
    if (this.kind === 'postgres') {
      const values = params as unknown[];
      const pool = postgresPoolOf(this.dataSource);
      const name = preparedStatementsOn(this.dataSource) ? this.statementName(text) : undefined;
      return (await pool.query({ name, text, values })).rows;
    }
    // Hot path: one array per call, the parameters bound in placeholder order.
    return this.sqliteRows(text, params);
  }

  /**
   * Runs `work`'s statements in one transaction: all of them commit, or none (the error is rethrown).
   * On SQLite the whole unit runs synchronously inside better-sqlite3's transaction (`BEGIN IMMEDIATE`), so
   * no statement of another request can land inside it, which an `await`ed transaction on the single shared
   * connection could not promise; should a transaction (TypeORM's) already be open on the connection, the
   * unit waits for it to end. On PostgreSQL it runs on one connection of the pool between BEGIN and COMMIT.
   */
  async atomic<T>(work: AtomicWork<T>): Promise<T> {
    if (!this.dataSource.isInitialized) throw new Error('RawSql.atomic: the DataSource is not initialized');
    if (this.kind === 'postgres') return this.atomicOnPostgres(work);
    const connection = sqliteConnectionOf(this.dataSource);
    const deadline = Date.now() + SQLITE_BUSY_WAIT_MS;
    while (connection.inTransaction) {
      if (Date.now() > deadline)
        throw new Error('RawSql.atomic: a transaction stayed open on the connection');
      await new Promise((resolve) => setTimeout(resolve, 1)); // not setImmediate: no busy spin
    }
    return connection
      .transaction(() => {
        const steps = work();
        let step = steps.next();
        while (!step.done) step = steps.next(this.sqliteRows(step.value.text, step.value.values));
        return step.value;
      })
      .immediate();
  }

  private async atomicOnPostgres<T>(work: AtomicWork<T>): Promise<T> {
    const client = await postgresPoolOf(this.dataSource).connect();
    const named = preparedStatementsOn(this.dataSource);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const steps = work();
        let step = steps.next();
        while (!step.done) {
          const { text, values } = step.value;
          const name = named ? this.statementName(text) : undefined;
          step = steps.next((await client.query({ name, text, values: values as unknown[] })).rows);
        }
        await client.query('COMMIT');
        return step.value;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback; // the connection's state is unknown: it is not pooled again
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  private sqliteRows(text: string, params: readonly unknown[]): Row[] {
    const { statement, order } = this.sqliteStatement(text);
    const bound = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) bound[i] = sqliteValue(params[order[i]]);
    if (statement.reader) return statement.all(...bound) as Row[];
    statement.run(...bound);
    return [];
  }

  /** A stable name per text: every RawSql of the process shares the prepared statement of a connection. */
  private statementName(sql: string): string {
    let name = this.names.get(sql);
    if (!name) {
      name = `fa_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
      if (this.names.size >= MAX_STATEMENTS) this.names.clear();
      this.names.set(sql, name);
    }
    return name;
  }

  /** The prepared statement of a `$n` text on the current connection, with its parameter order. */
  private sqliteStatement(text: string): SqliteEntry {
    const connection = sqliteConnectionOf(this.dataSource);
    if (connection !== this.preparedOn) {
      // A re-initialised DataSource has a new connection: statements of the old one are dead.
      this.statements.clear();
      this.preparedOn = connection;
    }
    let entry = this.statements.get(text);
    if (!entry) {
      const { sql, order } = compileForSqlite(text);
      entry = { statement: connection.prepare(sql), order };
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      this.statements.set(text, entry);
    }
    return entry;
  }
}
