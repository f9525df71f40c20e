/**
 * `faceauth cleanup [--dry-run]` as a real child process against the Argos sandbox: a result past its
 * retention (created at Argos three days ago, retention one day) is counted by a dry run, then deleted at
 * Argos and purged here by a real run, which leaves 0 overdue.
 */
import { createSandboxApp, SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { cliDatabaseEnv } from './cli-database.env';
import { cliEntry, runCli } from './faceauth-cli.runner';

const ARGOS_KEY = 'sandbox-api-key';
const DAY_MS = 24 * 3600 * 1000;

describe.each(databasesUnderTest())('faceauth cleanup on %s', (kind) => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    cliEntry();
    sandbox = await createSandboxApp();
    database = await createTestDatabase(kind);
    env = {
      ...cliDatabaseEnv(database),
      FACEAUTH_PID: 'sandbox-project',
      FACEAUTH_API_KEY: ARGOS_KEY,
      ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
      RETENTION_RESULT_DAYS: '1',
    };
  });
  afterAll(async () => {
    await database?.drop();
    await sandbox?.close();
  });

  /** A FaceAuth attempt made at Argos `daysAgo` days ago (the sandbox clock moved back), stored through reconcile. */
  async function storedResultFrom(daysAgo: number): Promise<string> {
    sandbox.controls.clock.set(new Date(Date.now() - daysAgo * DAY_MS));
    try {
      const reference = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approved)!.selfie!;
      const form = new FormData();
      form.append('submissionId', SEEDED_SUBMISSIONS.approved);
      form.append('faceImage', new Blob([new Uint8Array(reference)], { type: 'image/jpeg' }), 'selfie.jpg');
      const submitted = await fetch(`${sandbox.url}/v3/faceauth`, {
        method: 'POST',
        headers: { 'x-api-key': ARGOS_KEY },
        body: form,
      });
      const authId = ((await submitted.json()) as { authentication_id: string }).authentication_id;
      const since = new Date(Date.now() - (daysAgo + 1) * DAY_MS).toISOString().slice(0, 10);
      sandbox.controls.clock.reset();
      expect((await runCli(['reconcile', '--since', since], { env })).code).toBe(0);
      return authId;
    } finally {
      sandbox.controls.clock.reset();
    }
  }

  it('counts due results with --dry-run, changing nothing; then deletes them at Argos and purges them here', async () => {
    const authId = await storedResultFrom(3);

    const dry = await runCli(['cleanup', '--dry-run'], { env });
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toMatch(
      /^cleanup dry run \(run [0-9a-f-]{36}\): 1 results due, 0 held by legal hold; .*; 1 overdue; nothing changed\n$/,
    );
    expect(JSON.parse((await runCli(['results', 'get', authId], { env })).stdout)).toMatchObject({
      purgedAt: null,
      argosDeletedAt: null,
    });

    const run = await runCli(['cleanup'], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^cleanup completed \(run [0-9a-f-]{36}\): 1 deleted at Argos, 0 already gone, 1 purged, 0 retrying, 0 failed, 0 held; .*; 0 overdue\n$/,
    );
    const after = JSON.parse((await runCli(['results', 'get', authId], { env })).stdout) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({
      authId,
      authUserId: null,
      purgedAt: expect.any(String),
      argosDeletedAt: expect.any(String),
    });
    const atArgos = await fetch(`${sandbox.url}/v3/faceauth?authId=${authId}`, {
      headers: { 'x-api-key': ARGOS_KEY },
    });
    expect(((await atArgos.json()) as { data: { delete_check: boolean }[] }[])[0].data[0].delete_check).toBe(
      true,
    );

    // Nothing left to do: a second run deletes nothing.
    expect((await runCli(['cleanup'], { env })).stdout).toMatch(/: 0 deleted at Argos, .* 0 overdue\n$/);
  });
});
