/**
 * `faceauth links create | list | revoke` as real child processes: the printed URL decrypts to the link's query,
 * and a revocation made by the CLI is what the API then serves (410 on the short link).
 */
import { createQueryCipher, deriveKey, parseFaceAuthUrl, parseQuery } from '@faceauth/encryption';
import { ApiHarness } from '../support/api-harness';
import { startApiOn } from '../support/api-on-database';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { cliDatabaseEnv } from './cli-database.env';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

const PID = 'cli-links-project';
const ARGOS_KEY = 'cli-links-argos-api-key-000000000001';
const OPS = 'cli-links-operator-secret-0000000001';
const PROJECT_ENV = {
  FACEAUTH_PID: PID,
  FACEAUTH_API_KEY: ARGOS_KEY,
  PUBLIC_BASE_URL: 'https://faceauth.example.com',
};

interface PrintedLink {
  id: string;
  token: string;
  url: string;
  shortUrl: string;
  status: string;
  policy: { mode: string; maxUses?: number; windowSeconds?: number };
  sid: string;
  authUserId: string | null;
  createdAt: string;
  expiresAt: string;
}

describe.each(databasesUnderTest())('faceauth links on %s', (kind) => {
  let database: TestDatabase;
  let api: ApiHarness;
  let env: Record<string, string>;
  const decrypt = (url: string) => {
    const parsed = parseFaceAuthUrl(url);
    const cipher = createQueryCipher({ cipher: 'aes-256-ecb', key: deriveKey(ARGOS_KEY) });
    return { ...parsed, query: parseQuery(cipher.decrypt(parsed.encrypted), 'json') };
  };

  beforeAll(async () => {
    cliEntry();
    database = await createTestDatabase(kind);
    api = await startApiOn(database, {
      env: {
        ...PROJECT_ENV,
        INTERNAL_API_KEYS: `ops|admin|${OPS}`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    env = { ...cliDatabaseEnv(database), ...PROJECT_ENV };
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('creates a link whose URL decrypts to its query, then revokes it: the API shows it revoked and the short link answers 410', async () => {
    const created = await runCli(
      [
        'links',
        'create',
        '--sid',
        'sub_approved_001',
        '--auth-user-id',
        'user-42',
        '--cf1',
        'a@b.c',
        '--lang',
        'en',
        '--max-uses',
        '2',
        '--expires-in',
        '600',
      ],
      { env },
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const link = JSON.parse(created.stdout) as PrintedLink;
    expect(link).toMatchObject({
      status: 'active',
      policy: { mode: 'count', maxUses: 2 },
      sid: 'sub_approved_001',
      authUserId: 'user-42',
    });
    expect(link.shortUrl).toBe(`https://faceauth.example.com/l/${link.id}`);
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(600_000);
    expect(decrypt(link.url)).toMatchObject({
      pid: PID,
      lang: 'en',
      query: { sid: 'sub_approved_001', authUserId: 'user-42', authCf1: 'a@b.c', token: link.token },
    });

    const viaApi = await api.app.inject({
      method: 'GET',
      url: `/v1/links/${link.id}`,
      headers: { 'x-api-key': OPS },
    });
    expect(viaApi.json()).toMatchObject({ id: link.id, token: link.token, status: 'active' });

    const revoked = await runCli(['links', 'revoke', link.id], { env });
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^link ${link.id} revoked at \\d{4}-\\S+Z\\n$`));
    expect(revoked.stdout).not.toContain(link.token);
    const after = await api.app.inject({
      method: 'GET',
      url: `/v1/links/${link.id}`,
      headers: { 'x-api-key': OPS },
    });
    expect(after.json()).toMatchObject({ status: 'revoked' });
    expect((await api.app.inject({ method: 'GET', url: `/l/${link.id}` })).statusCode).toBe(410);

    // Idempotent: the first revocation's time is kept.
    expect((await runCli(['links', 'revoke', link.id], { env })).stdout).toBe(revoked.stdout);
  });

  it("mints with the company's context, as POST /v1/links does", async () => {
    const result = await runCli(
      [
        'links',
        'create',
        '--sid',
        'sub_approved_001',
        '--client-reference',
        `order-${kind}-9`,
        '--metadata',
        'orderId=A-9',
        '--metadata',
        'note=a=b',
      ],
      { env },
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { id: string };
    expect(printed).toMatchObject({
      clientReference: `order-${kind}-9`,
      metadata: { orderId: 'A-9', note: 'a=b' },
      outcome: { status: 'pending' },
    });
    const read = await api.app.inject({
      method: 'GET',
      url: `/v1/links/${printed.id}`,
      headers: { 'x-api-key': OPS },
    });
    expect(read.json()).toMatchObject({ clientReference: `order-${kind}-9`, metadata: { orderId: 'A-9' } });
  });

  it('prints only the URL with --url-only, with a time policy', async () => {
    const result = await runCli(
      ['links', 'create', '--sid', 'sub_approved_001', '--window-seconds', '300', '--url-only'],
      { env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^http\S+\n$/);
    expect(decrypt(result.stdout.trim()).query.sid).toBe('sub_approved_001');
  });

  it('links list prints what GET /v1/links returns for the same filters, pages with --cursor, and tables without URL or token', async () => {
    const mint = async (sid: string, authUserId: string): Promise<PrintedLink> =>
      JSON.parse(
        (await runCli(['links', 'create', '--sid', sid, '--auth-user-id', authUserId], { env })).stdout,
      ) as PrintedLink;
    const first = await mint('sub_list_001', 'list-user-a');
    const second = await mint('sub_list_001', 'list-user-b');
    await mint('sub_list_002', 'list-user-a');
    expect((await runCli(['links', 'revoke', first.id], { env })).code).toBe(0);

    const viaApi = async (query: string) =>
      (
        await api.app.inject({ method: 'GET', url: `/v1/links?${query}`, headers: { 'x-api-key': OPS } })
      ).json() as { items: PrintedLink[]; nextCursor: string | null };
    const viaCli = async (args: string[]) => {
      const result = await runCli(['links', 'list', '--json', ...args], { env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(result.stdout) as { items: PrintedLink[]; nextCursor: string | null };
    };

    const bySid = await viaCli(['--sid', 'sub_list_001']);
    expect(bySid.items.map((l) => l.id)).toEqual([second.id, first.id]);
    expect(bySid).toEqual(await viaApi('sid=sub_list_001'));
    const active = await viaCli(['--sid', 'sub_list_001', '--status', 'active']);
    expect(active.items.map((l) => l.id)).toEqual([second.id]);
    expect(
      (await viaCli(['--auth-user-id', 'list-user-a', '--status', 'revoked'])).items.map((l) => l.id),
    ).toEqual([first.id]);

    const page1 = await viaCli(['--sid', 'sub_list_001', '--limit', '1']);
    expect(page1.items.map((l) => l.id)).toEqual([second.id]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await viaCli(['--sid', 'sub_list_001', '--limit', '1', '--cursor', page1.nextCursor!]);
    expect(page2).toMatchObject({ items: [{ id: first.id }], nextCursor: null });

    const table = await runCli(['links', 'list', '--sid', 'sub_list_001', '--limit', '1'], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID +PROJECT +STATUS +USES +SID +AUTH USER +CREATED\n/);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(table.stdout).toContain(second.id);
    expect(table.stdout).not.toContain(second.token);
    expect(table.stdout).not.toContain('http');
    expect(table.stderr).toBe(`more: pass --cursor ${page1.nextCursor}\n`);
  });

  it('refuses an unknown project and an unknown link in one line', async () => {
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--project', 'elsewhere'], { env }),
      /UNKNOWN_PROJECT/,
    );
    expectOneLineFailure(
      await runCli(['links', 'revoke', '00000000-0000-4000-8000-000000000000'], { env }),
      /TOKEN_NOT_FOUND/,
    );
  });
});

// Checked before any database is opened (SQLITE_PATH is unusable on purpose): once, not per database kind.
describe('faceauth links: bad input', () => {
  it('answers each in one line with a non-zero exit', async () => {
    const env = { SQLITE_PATH: '/dev/null/unusable.sqlite' };
    expectOneLineFailure(await runCli(['links', 'create', '--auth-user-id', 'u'], { env }), /--sid/);
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--max-uses', '2', '--window-seconds', '5'], { env }),
      /either --max-uses/,
    );
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--max-uses', 'many'], { env }),
      /--max-uses must be a whole number/,
    );
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--lang', 'English'], { env }),
      /--lang must be a language code/,
    );
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--metadata', 'no-equals-sign'], { env }),
      /--metadata must be key=value/,
    );
    expectOneLineFailure(
      await runCli(['links', 'create', '--sid', 's', '--metadata', 'bad key!=1'], { env }),
      /--metadata keys must be/,
    );
    expectOneLineFailure(await runCli(['links', 'revoke', 'not-a-uuid'], { env }), /must be a UUID/);
    expectOneLineFailure(
      await runCli(['links', 'list', '--status', 'lost'], { env }),
      /--status must be one of/,
    );
    expectOneLineFailure(
      await runCli(['links', 'list', '--limit', '201'], { env }),
      /--limit must be a whole number from 1 to 200/,
    );
  });
});
