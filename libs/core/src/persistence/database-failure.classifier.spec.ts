import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-failure.classifier';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connect timeout of pg-pool', new Error('Connection terminated due to connection timeout')],
    ['a pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a client-side query timeout', new Error('Query read timeout')],
    ['statement_timeout (57014)', withCode('canceling statement due to statement timeout', '57014')],
    ['an administrator shutdown (57P01)', withCode('terminating connection', '57P01')],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('too many clients', '53300')],
    ['SQLITE_BUSY', withCode('database is locked', 'SQLITE_BUSY')],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks inside TypeORM, cause chains and AggregateErrors', () => {
    const timeout = withCode('canceling statement due to statement timeout', '57014');
    const wrapped = new QueryFailedError('SELECT 1', [], new Error('Query read timeout'));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: timeout }))).toBe(true);
    const refused = withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED');
    expect(isDatabaseUnavailable(new AggregateError([refused], ''))).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('duplicate key value', '23505')],
    ['a syntax error (42601)', withCode('syntax error', '42601')],
    ['a SQLite constraint failure', withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a message that merely mentions a timeout', new Error('my timeout exceeded when trying to connect')],
    ['nothing', undefined],
  ])('leaves %s to the caller', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('recognises the SQLITE_BUSY that better-sqlite3 raises after its busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceauth-busy-'));
    const file = join(dir, 'busy.sqlite');
    const holder = new Database(file);
    const waiter = new Database(file, { timeout: 50 });
    try {
      holder.exec('CREATE TABLE t (x INTEGER)');
      holder.exec('BEGIN IMMEDIATE');
      let thrown: unknown;
      try {
        waiter.exec('INSERT INTO t VALUES (1)');
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { code?: string }).code).toBe('SQLITE_BUSY');
      expect(isDatabaseUnavailable(thrown)).toBe(true);
      expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], thrown as Error))).toBe(true);
    } finally {
      holder.exec('ROLLBACK');
      waiter.close();
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
