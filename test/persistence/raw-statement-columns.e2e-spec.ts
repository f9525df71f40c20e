import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { FACEAUTH_TABLES, sqliteConnectionOf } from '@faceauth/core';
import { compileForSqlite } from '../../libs/core/src/persistence/positional-sql';
import { tokenStatements } from '../../libs/token-policy/src/persistence/token.sql';
import { databasesUnderTest } from '../support/test-databases';
import { RAW_STATEMENTS, SQL_OUTSIDE_SQL_MODULES, statementTexts } from './raw-statements.registry';
import { columnProblems, tableColumnsOf } from './sql-columns';
import { useTestDataSource } from '../support/test-data-source';

const ROOT = join(__dirname, '..', '..');

/** Whether the migrated schema accepts the statement (parsed and planned, never run); the error if not. */
async function prepareProblem(dataSource: DataSource, text: string, index: number): Promise<string | null> {
  try {
    if (dataSource.options.type === 'better-sqlite3') {
      sqliteConnectionOf(dataSource).prepare(compileForSqlite(text).sql);
      return null;
    }
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query(`PREPARE fa_column_check_${index} AS ${text}`);
      await runner.query(`DEALLOCATE fa_column_check_${index}`);
    } finally {
      await runner.release();
    }
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every problem of the statements of a set: columns unknown to the entities, or refused by the schema. */
async function problemsOf(
  dataSource: DataSource,
  texts: [string, string][],
  tables = tableColumnsOf(dataSource),
): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, [name, text]] of texts.entries()) {
    for (const problem of columnProblems(text, tables)) problems.push(`${name}: ${problem}`);
    const refused = await prepareProblem(dataSource, text, i);
    if (refused) problems.push(`${name}: the migrated schema refuses it (${refused})`);
  }
  return problems;
}

describe.each(databasesUnderTest())('raw statements against the entities on %s', (kind) => {
  const db = useTestDataSource(kind);

  it.each(Object.keys(RAW_STATEMENTS))(
    'the %s statements name only entity columns and prepare on the migrated schema',
    async (name) => {
      const texts = statementTexts(RAW_STATEMENTS[name].statements(db.dataSource));
      expect(texts.length).toBeGreaterThan(0);
      expect(await problemsOf(db.dataSource, texts)).toEqual([]);
    },
  );

  it('reports a statement that names a column no entity has', async () => {
    const wrong: [string, string][] = [['wrong', 'SELECT id, toke FROM faceauth_tokens WHERE token = $1']];
    const problems = await problemsOf(db.dataSource, wrong);
    expect(problems).toContain('wrong: "toke" is not a column of faceauth_tokens');
    expect(problems.some((p) => p.startsWith('wrong: the migrated schema refuses it'))).toBe(true);
  });

  it('reports the statements left behind when an entity column is renamed', () => {
    // As if FaceAuthTokenEntity.token were mapped to `token_value` and the SQL not changed with it.
    const renamed = tableColumnsOf(db.dataSource);
    const tokens = renamed.get('faceauth_tokens')!;
    tokens.delete('token');
    tokens.add('token_value');
    const texts = statementTexts(tokenStatements(db.dataSource));
    const flagged = texts
      .filter(([, text]) =>
        columnProblems(text, renamed).includes('"token" is not a column of faceauth_tokens'),
      )
      .map(([name]) => name);
    expect(flagged).toEqual(expect.arrayContaining(['findByToken', 'consume', 'markExpired']));
    // In a subquery, where SQL would silently read the outer table's column of the same name.
    const withoutUser = tableColumnsOf(db.dataSource);
    withoutUser.get('faceauth_tokens')!.delete('auth_user_id');
    const cleanup = statementTexts(RAW_STATEMENTS.resultCleanup.statements(db.dataSource));
    expect(
      cleanup.filter(([, text]) => columnProblems(text, withoutUser).length > 0).map(([name]) => name),
    ).toEqual(['claimForUser', 'markUserDue', 'userPending']);
    // A qualified use is caught too (`excluded.x`, `t.x`).
    expect(columnProblems('SELECT t.toke FROM faceauth_tokens t', renamed)).toEqual([
      '"toke" is not a column of faceauth_tokens',
    ]);
  });

  it('builds each set once per DataSource', () => {
    for (const { statements } of Object.values(RAW_STATEMENTS)) {
      expect(statements(db.dataSource)).toBe(statements(db.dataSource));
    }
  });
});

describe.each(databasesUnderTest())('raw statements under a table prefix on %s', (kind) => {
  const db = useTestDataSource(kind, { tablePrefix: 'acme_fa_' });
  const defaultName = new RegExp(`\\bfaceauth_(${FACEAUTH_TABLES.join('|')})\\b`);

  it('name the prefixed tables only, and every statement prepares on the schema migrated under the prefix', async () => {
    const texts = Object.values(RAW_STATEMENTS).flatMap((set) =>
      statementTexts(set.statements(db.dataSource)),
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter(([, text]) => defaultName.test(text)).map(([name]) => name)).toEqual([]);
    expect(texts.filter(([, text]) => text.includes('acme_fa_tokens')).length).toBeGreaterThan(10);
    expect(await problemsOf(db.dataSource, texts)).toEqual([]);
  });
});

describe('the registry of raw statements', () => {
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !/\.(spec|e2e-spec)\.ts$/.test(file))
      .map((file) => relative(ROOT, join(ROOT, dir, file)))
      .filter((file) => !file.includes('/migrations/'));
  const product = [...sources('libs'), ...sources('apps'), ...sources('src')];

  it('holds every *.sql.ts module of the product', () => {
    const registered = Object.values(RAW_STATEMENTS).flatMap((r) => r.files);
    expect(product.filter((file) => file.endsWith('.sql.ts')).sort()).toEqual([...registered].sort());
  });

  it('leaves no statement outside a *.sql.ts module but the listed exceptions', () => {
    // A statement starts a line or a string literal.
    const statementStart = /(^|['"`])\s*(SELECT|UPDATE|INSERT\s+INTO|DELETE\s+FROM|WITH)\s/;
    const withSql = product.filter((file) => {
      if (file.endsWith('.sql.ts') || file.startsWith('libs/core/')) return false;
      return readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\/?\*)/.test(line) && statementStart.test(line));
    });
    expect(withSql.sort()).toEqual(Object.keys(SQL_OUTSIDE_SQL_MODULES).sort());
  });
});
