/**
 * `faceauth reconcile`, `webhooks replay` and `results list | get | delete` as real child processes against the
 * Argos sandbox (real HTTP, nothing mocked). The sandbox has no webhook URL here, so a result reaches the
 * database only through the CLI's reconciliation. An in-process API on the same database (its processor
 * and reconciler off) is only used to read what the CLI did.
 */
import { createSandboxApp, SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import { ApiHarness } from '../support/api-harness';
import { startApiOn } from '../support/api-on-database';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { cliDatabaseEnv } from './cli-database.env';
import { expectOneLineFailure } from './cli-expectations';
import { cliEntry, runCli } from './faceauth-cli.runner';

const PID = 'sandbox-project';
const ARGOS_KEY = 'sandbox-api-key';
const OPS = 'cli-inbox-operator-secret-000000001';

interface InboxRow {
  id: string;
  trigger: string;
  status: string;
  authId: string | null;
  attempts: number;
}

describe.each(databasesUnderTest())('faceauth reconcile, webhooks replay and results on %s', (kind) => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  let api: ApiHarness;
  let env: Record<string, string>;

  beforeAll(async () => {
    cliEntry();
    sandbox = await createSandboxApp();
    database = await createTestDatabase(kind);
    const argosEnv = {
      FACEAUTH_PID: PID,
      FACEAUTH_API_KEY: ARGOS_KEY,
      ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
      ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
    };
    api = await startApiOn(database, {
      env: {
        ...argosEnv,
        INTERNAL_API_KEYS: `ops|admin|${OPS}`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    // One attempt per Argos call: the replay test makes the sandbox fail and should not wait for retries.
    env = { ...cliDatabaseEnv(database), ...argosEnv, ARGOS_MAX_ATTEMPTS: '1' };
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await sandbox?.close();
  });

  /** A FaceAuth attempt made straight at Argos (`POST /v3/faceauth`) with the seeded face: no webhook follows. */
  async function createArgosRecord(userId: string): Promise<string> {
    const reference = await fetch(
      `${sandbox.url}/__sandbox/submissions/${SEEDED_SUBMISSIONS.approved}/reference-image`,
    );
    expect(reference.status).toBe(200);
    const form = new FormData();
    form.append('submissionId', SEEDED_SUBMISSIONS.approved);
    form.append('userId', userId);
    form.append(
      'faceImage',
      new Blob([new Uint8Array(await reference.arrayBuffer())], {
        type: reference.headers.get('content-type')!,
      }),
      'selfie',
    );
    const submitted = await fetch(`${sandbox.url}/v3/faceauth`, {
      method: 'POST',
      headers: { 'x-api-key': ARGOS_KEY },
      body: form,
    });
    const body = (await submitted.json()) as { authentication_id: string; auth_status: string };
    expect(body.auth_status).toBe('approved');
    return body.authentication_id;
  }

  const sandboxFaults = (init: RequestInit) =>
    fetch(`${sandbox.url}/__sandbox/faults`, {
      ...init,
      headers: init.body ? { 'content-type': 'application/json' } : {},
    });
  const inboxRowOf = async (authId: string): Promise<InboxRow> => {
    const page = (
      await api.app.inject({
        method: 'GET',
        url: '/v1/webhooks/inbox?limit=200',
        headers: { 'x-api-key': OPS },
      })
    ).json() as { items: InboxRow[] };
    return page.items.find((row) => row.authId === authId)!;
  };

  let authId: string;

  it('reconcile stores a result Argos has and the webhooks never brought, quietly in a pipe, with a one-line summary', async () => {
    authId = await createArgosRecord('cli-user-1');
    expectOneLineFailure(await runCli(['results', 'get', authId], { env }), /RESULT_NOT_FOUND/);

    const run = await runCli(['reconcile'], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^reconciled since \d{4}-\d{2}-\d{2} \(default\): 1 results listed at Argos, 1 new; 1 inbox rows processed; inbox now 0 pending, 0 dead\n$/,
    );

    const stored = await runCli(['results', 'get', authId], { env });
    expect(stored.code).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({
      authId,
      status: 'approved',
      source: 'reconcile',
      submissionId: SEEDED_SUBMISSIONS.approved,
      // Argos' listing names no person (ARGOS-CONTRACT §7): reconciliation cannot know it, and guesses nothing.
      authUserId: null,
      identitySource: null,
    });
    expect((await inboxRowOf(authId)).status).toBe('done');
  });

  it('results list prints what GET /v1/results returns for the same filters', async () => {
    const viaCli = async (args: string[]) => {
      const result = await runCli(['results', 'list', '--json', ...args], { env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(result.stdout) as { items: { authId: string }[]; nextCursor: string | null };
    };
    const today = new Date().toISOString().slice(0, 10);
    const all = await viaCli(['--status', 'approved', '--from', today]);
    expect(all.items.map((r) => r.authId)).toEqual([authId]);
    const viaApi = await api.app.inject({
      method: 'GET',
      url: `/v1/results?status=approved&from=${today}`,
      headers: { 'x-api-key': OPS },
    });
    expect(all).toEqual(viaApi.json());
    expect(await viaCli(['--status', 'rejected'])).toEqual({ items: [], nextCursor: null });
    expect((await viaCli(['--submission-id', SEEDED_SUBMISSIONS.approved])).items).toHaveLength(1);
    expect(await viaCli(['--to', today])).toEqual({ items: [], nextCursor: null });

    // The project's name here: the single project configured by FACEAUTH_PID is called default.
    const table = await runCli(['results', 'list', '--project', 'default'], { env });
    expect(table.stdout).toMatch(
      new RegExp(
        `^AUTH ID +PROJECT +STATUS +SOURCE +SUBMISSION +CREATED\\n${authId} +default +approved +reconcile `,
      ),
    );
    expectOneLineFailure(
      await runCli(['results', 'list', '--from', 'yesterday'], { env }),
      /--from must be an ISO-8601/,
    );
    expectOneLineFailure(
      await runCli(['results', 'list', '--link-id', 'x'], { env }),
      /--link-id must be a UUID/,
    );
  });

  it('reconcile --since is idempotent: a result already in the inbox is not enqueued again', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const run = await runCli(['reconcile', '--since', today], { env });
    expect(run.stdout).toBe(
      `reconciled since ${today} (default): 1 results listed at Argos, 0 new; 0 inbox rows processed; inbox now 0 pending, 0 dead\n`,
    );
    const json = await runCli(['reconcile', '--since', today, '--json'], { env });
    expect(JSON.parse(json.stdout)).toEqual({
      since: today,
      projects: ['default'],
      listed: 1,
      enqueued: 0,
      processed: 0,
      inbox: { pending: 0, dead: 0 },
    });
    expectOneLineFailure(
      await runCli(['reconcile', '--since', '2026-02-30'], { env }),
      /--since must be a date YYYY-MM-DD/,
    );
    expectOneLineFailure(
      await runCli(['reconcile', '--since', 'yesterday'], { env }),
      /--since must be a date/,
    );
  });

  it('webhooks replay processes the row again; a replay that fails again exits 1 in one line', async () => {
    const row = await inboxRowOf(authId);
    const replayed = await runCli(['webhooks', 'replay', row.id], { env });
    expect(replayed).toMatchObject({
      code: 0,
      stdout: `inbox row ${row.id} (${row.trigger}) replayed: done\n`,
      stderr: '',
    });
    expect(await inboxRowOf(authId)).toMatchObject({ status: 'done', attempts: 1 });
    const json = await runCli(['webhooks', 'replay', row.id, '--json'], { env });
    expect(JSON.parse(json.stdout)).toEqual({ id: row.id, trigger: row.trigger, status: 'done' });

    // Verify-by-fetch reads the result from Argos: while Argos fails, the row goes back to waiting.
    await sandboxFaults({
      method: 'POST',
      body: JSON.stringify({ status: 500, count: 20, operation: 'GET /v3/faceauth' }),
    });
    try {
      expectOneLineFailure(
        await runCli(['webhooks', 'replay', row.id], { env }),
        /failed again .*next attempt at/,
      );
      expect(await inboxRowOf(authId)).toMatchObject({ status: 'pending' });
    } finally {
      await sandboxFaults({ method: 'DELETE' });
    }
    expect((await runCli(['webhooks', 'replay', row.id], { env })).code).toBe(0);
    expect((await inboxRowOf(authId)).status).toBe('done');

    expectOneLineFailure(
      await runCli(['webhooks', 'replay', '00000000-0000-4000-8000-000000000000'], { env }),
      /WEBHOOK_INBOX_ROW_NOT_FOUND/,
    );
    expectOneLineFailure(await runCli(['webhooks', 'replay', 'row-1'], { env }), /must be a UUID/);
  });

  it('results get --refresh re-reads Argos; results delete deletes at Argos and purges the personal fields here', async () => {
    const refreshed = await runCli(['results', 'get', authId, '--refresh'], { env });
    expect(JSON.parse(refreshed.stdout)).toMatchObject({ authId, status: 'approved' });

    const deleted = await runCli(['results', 'delete', authId], { env });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(
      new RegExp(`^deleted ${authId} at Argos; personal fields purged here at \\d{4}-\\S+Z\\n$`),
    );
    const atArgos = await fetch(`${sandbox.url}/v3/faceauth?authId=${authId}`, {
      headers: { 'x-api-key': ARGOS_KEY },
    });
    expect(((await atArgos.json()) as { data: { delete_check: boolean }[] }[])[0].data[0].delete_check).toBe(
      true,
    );
    const after = JSON.parse((await runCli(['results', 'get', authId], { env })).stdout) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ authId, status: 'approved', authUserId: null });
    expect(after.purgedAt).toEqual(expect.any(String));
  });

  it('results refuses unknown and malformed ids in one line', async () => {
    expectOneLineFailure(
      await runCli(['results', 'get', 'fa_unknown'], { env }),
      /^error: No result has this authentication id \(RESULT_NOT_FOUND\)\n$/,
    );
    expectOneLineFailure(
      await runCli(['results', 'get', 'bad id/../x'], { env }),
      /authentication id must be/,
    );
    expectOneLineFailure(await runCli(['results', 'delete', 'fa_unknown'], { env }));
  });
});
