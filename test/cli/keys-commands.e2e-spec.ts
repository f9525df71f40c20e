/**
 * `faceauth keys create | list | revoke` as real child processes on the database of an in-process API:
 * issue 10 acceptance 4 (the key works with exactly its scopes, then 401 once revoked). SQLite always,
 * PostgreSQL when FACEAUTH_TEST_POSTGRES_URL is set.
 */
import { ApiHarness } from '../support/api-harness';
import { startApiOn } from '../support/api-on-database';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { cliDatabaseEnv } from './cli-database.env';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

describe.each(databasesUnderTest())('faceauth keys on %s', (kind) => {
  let database: TestDatabase;
  let api: ApiHarness;
  let env: Record<string, string>;

  beforeAll(async () => {
    cliEntry();
    database = await createTestDatabase(kind);
    // API_KEY_REFRESH_MS=0: the API re-reads keys on every request, so another process's revocation shows at once.
    api = await startApiOn(database, {
      env: { API_KEY_REFRESH_MS: '0', WEBHOOK_PROCESSOR_ENABLED: 'false', RECONCILE_ENABLED: 'false' },
    });
    env = cliDatabaseEnv(database);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const status = async (key: string, method: 'GET' | 'POST' | 'DELETE', url: string): Promise<number> =>
    (
      await api.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${key}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        payload: method === 'POST' ? JSON.stringify({ sid: 'sub_approved_001' }) : undefined,
      })
    ).statusCode;

  it('creates a key that works with exactly its scopes, lists it without its secret, and revokes it (401 after)', async () => {
    const created = await runCli(
      ['keys', 'create', '--name', 'crm-backend', '--scope', 'links:read', '--scope', 'results:read'],
      { env },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^\S+\n$/);
    const key = created.stdout.trim();
    expect(created.stderr).toMatch(/crm-backend.*links:read, results:read.*shown only now/);
    expect(created.stderr).not.toContain(key);

    expect(await status(key, 'GET', '/v1/links')).toBe(200);
    expect(await status(key, 'GET', '/v1/results')).toBe(200);
    expect(await status(key, 'POST', '/v1/links')).toBe(403);
    expect(await status(key, 'DELETE', '/v1/results/auth-1')).toBe(403);
    expect(await status(key, 'GET', '/v1/api-keys')).toBe(403);

    const listed = await runCli(['keys', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(key);
    const rows = JSON.parse(listed.stdout) as {
      name: string;
      scopes: string[];
      prefix: string;
      revokedAt: string | null;
    }[];
    const row = rows.find((r) => r.name === 'crm-backend')!;
    expect(row).toMatchObject({ scopes: ['links:read', 'results:read'], revokedAt: null });
    expect(key.startsWith(row.prefix)).toBe(true);
    const table = await runCli(['keys', 'list'], { env });
    expect(table.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+SCOPES\s+CREATED\s+STATUS\n/);
    expect(table.stdout).toMatch(/crm-backend\s+\S+\s+links:read,results:read\s+\S+\s+active/);
    expect(table.stdout).not.toContain(key);

    const revoked = await runCli(['keys', 'revoke', 'crm-backend'], { env });
    expect(revoked).toMatchObject({ code: 0, stdout: 'revoked 1 key matching "crm-backend"\n' });
    expect(await status(key, 'GET', '/v1/links')).toBe(401);

    expect(await runCli(['keys', 'revoke', 'crm-backend'], { env })).toMatchObject({
      code: 0,
      stdout: '"crm-backend" was already revoked\n',
    });
    expect((await runCli(['keys', 'list'], { env })).stdout).toMatch(/crm-backend\s+.*revoked \d{4}-/);
  });

  it('revokes by id as well', async () => {
    const key = (
      await runCli(['keys', 'create', '--name', 'by-id', '--scope', 'admin'], { env })
    ).stdout.trim();
    expect(await status(key, 'GET', '/v1/api-keys')).toBe(200);
    const rows = JSON.parse((await runCli(['keys', 'list', '--json'], { env })).stdout) as {
      id: string;
      name: string;
    }[];
    const { id } = rows.find((r) => r.name === 'by-id')!;
    expect((await runCli(['keys', 'revoke', id], { env })).code).toBe(0);
    expect(await status(key, 'GET', '/v1/api-keys')).toBe(401);
  });

  it('refuses an unknown key in one line', async () => {
    expectOneLineFailure(
      await runCli(['keys', 'revoke', 'nobody'], { env }),
      /no API key has the id or name "nobody"/,
    );
  });

  it('refuses a second active key of the same name, so that revoking by name stays unambiguous', async () => {
    expect((await runCli(['keys', 'create', '--name', 'twice', '--scope', 'links:read'], { env })).code).toBe(
      0,
    );
    expectOneLineFailure(
      await runCli(['keys', 'create', '--name', 'twice', '--scope', 'links:read'], { env }),
      /already named "twice"/,
    );
  });
});

// Checked before any database is opened (SQLITE_PATH is unusable on purpose): once, not per database kind.
describe('faceauth keys: bad input and bad configuration', () => {
  it('answers each in one line with a non-zero exit', async () => {
    const env = { SQLITE_PATH: '/dev/null/unusable.sqlite' };
    expectOneLineFailure(
      await runCli(['keys', 'create', '--name', 'x', '--scope', 'superuser'], { env }),
      /--scope must be one of/,
    );
    expectOneLineFailure(
      await runCli(['keys', 'create', '--name', 'bad name', '--scope', 'admin'], { env }),
      /--name must be/,
    );
    expectOneLineFailure(await runCli(['keys', 'create', '--name', 'no-scope'], { env }), /--scope/);
    expectOneLineFailure(await runCli(['keys'], { env }), /needs a subcommand/);
    expectOneLineFailure(
      await runCli(['keys', 'list'], { env: { DATABASE_URL: 'mysql://db/faceauth' } }),
      /Invalid configuration: DATABASE_URL/,
    );
  });
});
