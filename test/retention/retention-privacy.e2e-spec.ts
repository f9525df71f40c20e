import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ManualClock } from '@faceauth/core';
import { CleanupScheduler } from '@faceauth/retention';
import { WebhookProcessor } from '@faceauth/webhook';
import { SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import { ApiHarness, startApi } from '../support/api-harness';
import { sqliteFilesText } from '../support/sqlite-files';
import { databasesUnderTest } from '../support/test-databases';
import { ADMIN, DAY, faceAuthMultipart, retentionEnv, seedResult, startSandbox } from './retention.fixtures';

const TABLES = [
  'faceauth_results',
  'faceauth_tokens',
  'faceauth_webhook_inbox',
  'faceauth_cleanup_audit',
  'faceauth_cleanup_runs',
  'faceauth_cleanup_locks',
  'faceauth_internal_api_keys',
];
/** JPEG and PNG signatures (raw, as text would carry them) and the base64 prefixes of such images. */
const IMAGE_MARKERS = ['\u00ff\u00d8\u00ff', '\ufffd\ufffd\ufffd', '\u0089PNG', '/9j/', 'iVBOR'];

/**
 * Issue 8, acceptance 5: after a run, the audit table, the logs and every row of the database hold no image
 * bytes (JPEG/PNG signatures or their base64) and none of the personal fields that were deleted.
 */
describe.each(databasesUnderTest())('what a cleanup leaves behind on %s', (kind) => {
  let sandbox: SandboxHandle;
  let api: ApiHarness;
  const tag = randomBytes(4).toString('hex');
  const T = Date.now() + 31 * DAY;
  const clock = new ManualClock(T);
  const deletedValues: string[] = [];
  const keptValues: string[] = [];
  const uploaded: Buffer[] = [];
  let forgottenUser = '';

  async function dump(tables: string[]): Promise<string> {
    const dataSource = api.app.get(DataSource);
    const out: Record<string, unknown[]> = {};
    for (const table of tables) out[table] = await dataSource.query(`SELECT * FROM ${table}`);
    return JSON.stringify(out);
  }

  beforeAll(async () => {
    sandbox = await startSandbox();
    // Inbox rows are kept a year here, so the scan sees their (redacted) payloads.
    api = await startApi(kind, { env: retentionEnv(sandbox, { RETENTION_INBOX_DAYS: '365' }), clock });
    const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      api.app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });

    // 1. Direct submissions with real selfies (JPEG and PNG) and personal fields; due at T.
    const submissionId = `sub_erase_${tag}`;
    const jpeg = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approved)!.selfie!;
    sandbox.controls.submissions.add({ id: submissionId, status: 'approved', selfie: jpeg });
    deletedValues.push(submissionId);
    for (const [i, image, type] of [
      [1, jpeg, 'image/jpeg'],
      [2, sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approvedPng)!.selfie!, 'image/png'],
    ] as const) {
      const fields = {
        userId: `erase-user-${tag}-${i}`,
        cf1: `erase-${tag}-${i}@example.com`,
        cf2: `erase-cf2-${tag}-${i}`,
        cf3: `erase-cf3-${tag}-${i}`,
      };
      deletedValues.push(...Object.values(fields));
      const sid = i === 1 ? submissionId : SEEDED_SUBMISSIONS.approvedPng;
      const form = faceAuthMultipart({ submissionId: sid, ...fields, ...(i === 2 ? {} : {}) }, image, type);
      uploaded.push(image);
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/faceauth',
        headers: { ...ADMIN, ...form.headers },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(201);
      // The upload was compared against the reference: make the match explicit for the PNG too.
      expect(res.json().authUserId).toBe(fields.userId);
    }

    // 2. A result that arrived by webhook (its inbox row keeps the event), 40 days before T.
    const hooked = await seedResult(api.app, sandbox, T - 40 * DAY, {
      userId: `erase-webhook-${tag}`,
      cf1: `erase-webhook-${tag}@example.com`,
    });
    deletedValues.push(hooked.userId, hooked.cf1);
    clock.set(T - 40 * DAY);
    const delivered = await api.app.inject({
      method: 'POST',
      url: '/webhooks/argos',
      payload: {
        webhook_trigger: 'faceAuth',
        data: {
          Submission_id: SEEDED_SUBMISSIONS.approved,
          Auth_Status: 'approved',
          Create_Time: new Date(T - 40 * DAY).toISOString(),
          Auth_User_id: hooked.userId,
          Auth_cf1: hooked.cf1,
          Auth_cf2: '',
          Auth_cf3: '',
          Token_id: '',
          reference: { userid: 'r', email: 'r@example.com', cf: {} },
          Authentication_id: hooked.authId,
        },
      },
    });
    expect(delivered.statusCode).toBeLessThan(300);
    await api.app.get(WebhookProcessor).drain();
    clock.set(T);
    expect((await dump(['faceauth_webhook_inbox'])).includes(hooked.cf1)).toBe(true);

    // 3. A person who asks to be forgotten (result not due yet, and a link).
    forgottenUser = `erase-forget-${tag}`;
    const forgotten = await seedResult(api.app, sandbox, T - DAY, {
      userId: forgottenUser,
      cf1: `erase-forget-${tag}@example.com`,
    });
    deletedValues.push(forgotten.cf1);
    await inject('POST', '/v1/links', {
      sid: SEEDED_SUBMISSIONS.approved,
      authUserId: forgottenUser,
      authCf1: `erase-link-${tag}@example.com`,
    });
    deletedValues.push(`erase-link-${tag}@example.com`);
    expect((await inject('DELETE', `/v1/users/${forgottenUser}/biometrics`)).json()).toMatchObject({
      deleted: 1,
      linksErased: 1,
    });

    // 4. A live result whose selfie is proxied through the API: it must not be logged either.
    const live = await seedResult(api.app, sandbox, T - DAY, {
      userId: `keep-${tag}`,
      cf1: `keep-${tag}@example.com`,
    });
    keptValues.push(live.userId, live.cf1);
    const image = await inject('GET', `/v1/results/${live.authId}/image`);
    expect(image.statusCode).toBe(200);

    await api.app.get(CleanupScheduler).tick();
    expect((await inject('GET', '/v1/cleanup/overdue')).json()).toMatchObject({ results: 0 });
  });
  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const findings = (text: string): string[] => [
    ...IMAGE_MARKERS.filter((marker) => text.includes(marker)).map(
      (m) => `image marker ${JSON.stringify(m)}`,
    ),
    ...uploaded
      .map((b) => b.toString('base64').slice(0, 24))
      .filter((b64) => text.includes(b64))
      .map(() => 'uploaded image base64'),
    ...deletedValues.filter((value) => text.includes(value)).map((v) => `deleted personal field ${v}`),
  ];

  it('finds nothing in the audit trail and the run records', async () => {
    const audit = await dump(['faceauth_cleanup_audit', 'faceauth_cleanup_runs']);
    expect(audit).toContain('local_purge');
    expect(findings(audit)).toEqual([]);
  });

  it('finds nothing in any row of any table (while what was not deleted is still there)', async () => {
    const all = await dump(TABLES);
    expect(findings(all)).toEqual([]);
    for (const value of keptValues) expect(all).toContain(value);
  });

  // Rows are not enough: SQLite keeps deleted cell contents in free space and old page images in the WAL.
  // With secure_delete and a WAL truncation after each erasure, the files on disk hold nothing either.
  if (kind === 'sqlite')
    it('finds nothing in the SQLite database file and its WAL', () => {
      const onDisk = sqliteFilesText(api.database);
      for (const value of keptValues) expect(onDisk).toContain(value);
      expect(deletedValues.filter((value) => onDisk.includes(value))).toEqual([]);
    });

  it('finds nothing in the logs', () => {
    const logs = api.logs.join('\n');
    expect(logs).toContain('Cleanup run');
    expect(findings(logs)).toEqual([]);
  });

  // The access log prints the request URL, and this route carries the user id in its path: the URL
  // redaction (apps/api/src/logging/logger.options.ts, redactUrl) masks /v1/users/<id>/.
  it('does not log the user id of "forget this user" in the access log', () => {
    expect(api.logs.join('\n')).not.toContain(forgottenUser);
  });
});
