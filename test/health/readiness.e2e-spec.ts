import { randomUUID } from 'node:crypto';
import { ArgosClientRegistry, FaceAuthRecord } from '@faceauth/argos-client';
import { FaceAuthResultEntity, ResultRepository } from '@faceauth/results';
import { WebhookInboxEntity, WebhookInboxRepository } from '@faceauth/webhook';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../support/api-harness';
import { ScriptedHttpServer } from '../support/scripted-http.server';
import { databasesUnderTest } from '../support/test-databases';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The service's project (the sandbox defaults) and its key, which no answer may carry. */
const PROJECT = 'default';
const PROJECT_KEY = 'sandbox-api-key';

/**
 * Issue 19, "Health for hosts": `/health/ready` runs the module's four indicators (database, each project's
 * Argos breaker, the webhook inbox backlog, overdue cleanup) and answers their detail: 200 when all are up,
 * 503 with the error envelope naming the check (and the project) that is down.
 */
describe.each(databasesUnderTest())('readiness on %s', (kind) => {
  const argos = new ScriptedHttpServer();
  let api: ApiHarness;

  beforeAll(async () => {
    const argosUrl = await argos.start();
    argos.answerJson(502, { message: 'bad gateway' });
    api = await startApi(kind, {
      env: {
        // Nothing in the background may settle what the tests plant.
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
        CLEANUP_ENABLED: 'false',
        ARGOS_MAX_ATTEMPTS: '1',
        ARGOS_BREAKER_FAILURES: '2',
      },
      configure: (c) => ({ ...c, argos: { ...c.argos, apiBaseUrl: `${argosUrl}/v3` } }),
    });
  });
  afterAll(async () => {
    await api?.close();
    await argos.stop();
  });

  const ready = () => api.app.inject({ method: 'GET', url: '/health/ready' });
  const dataSource = () => api.app.get(DataSource);

  it('answers 200 with the detail of the four checks on a fresh service', async () => {
    const res = await ready();
    expect(res.statusCode).toBe(200);
    const details = {
      database: { status: 'up', engine: kind, responseTimeMs: expect.any(Number) },
      argos: { status: 'up', projects: { [PROJECT]: 'closed' } },
      webhookInbox: {
        status: 'up',
        pending: 0,
        oldestPendingSeconds: null,
        maxOldestPendingSeconds: 900,
        maxPending: 10_000,
      },
      cleanup: { status: 'up', overdue: 0, graceSeconds: 3_600 },
    };
    expect(res.json()).toEqual({ status: 'ok', info: details, error: {}, details });
  });

  it('answers 503 NOT_READY naming webhookInbox while a pending row is older than 15 minutes', async () => {
    const id = randomUUID();
    const receivedAt = new Date(Date.now() - 20 * MINUTE);
    await api.app.get(WebhookInboxRepository).insert({
      id,
      dedupeKey: `faceAuth:health-${id}`,
      trigger: 'faceAuth',
      authId: `health-${id}`,
      tokenId: null,
      project: PROJECT,
      payload: '{}',
      source: 'webhook',
      status: 'pending',
      receivedAt,
    });
    try {
      const res = await ready();
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      const body = res.json();
      expect(body).toMatchObject({ statusCode: 503, code: 'NOT_READY', requestId: expect.any(String) });
      expect(body.checks.webhookInbox).toEqual({
        status: 'down',
        pending: 1,
        oldestPendingSeconds: expect.any(Number),
        maxOldestPendingSeconds: 900,
        maxPending: 10_000,
      });
      expect(body.checks.webhookInbox.oldestPendingSeconds).toBeGreaterThanOrEqual(20 * 60);
      expect(statuses(body.checks)).toEqual({
        database: 'up',
        argos: 'up',
        webhookInbox: 'down',
        cleanup: 'up',
      });
    } finally {
      await dataSource().getRepository(WebhookInboxEntity).delete(id);
    }
    expect((await ready()).statusCode).toBe(200);
  });

  it('answers 200 while the pending backlog is younger than the threshold', async () => {
    const id = randomUUID();
    await api.app.get(WebhookInboxRepository).insert({
      id,
      dedupeKey: `faceAuth:young-${id}`,
      trigger: 'faceAuth',
      authId: `young-${id}`,
      tokenId: null,
      project: PROJECT,
      payload: '{}',
      source: 'webhook',
      status: 'pending',
      receivedAt: new Date(Date.now() - 5 * MINUTE),
    });
    try {
      const res = await ready();
      expect(res.statusCode).toBe(200);
      expect(res.json().details.webhookInbox).toMatchObject({ status: 'up', pending: 1 });
    } finally {
      await dataSource().getRepository(WebhookInboxEntity).delete(id);
    }
  });

  it('answers 503 NOT_READY naming cleanup while a result is overdue beyond the grace', async () => {
    const authId = `health-overdue-${randomUUID()}`;
    const createdAt = new Date(Date.now() - 40 * DAY); // retention: 30 days
    const record: FaceAuthRecord = {
      authId,
      status: 'approved',
      createdAt,
      submitType: 'api',
      submissionId: 'health-submission',
      deleted: false,
      userId: 'health-user',
      scores: { faceSimilarity: 0.97 },
      failCodes: [],
      rejectComments: [],
    };
    await api.app.get(ResultRepository).saveRecord(record, PROJECT, 'api', createdAt);
    try {
      const res = await ready();
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.code).toBe('NOT_READY');
      expect(body.checks.cleanup).toEqual({ status: 'down', overdue: 1, graceSeconds: 3_600 });
      expect(statuses(body.checks)).toEqual({
        database: 'up',
        argos: 'up',
        webhookInbox: 'up',
        cleanup: 'down',
      });
    } finally {
      await dataSource().getRepository(FaceAuthResultEntity).delete(authId);
    }
    expect((await ready()).statusCode).toBe(200);
  });

  it("answers 503 NOT_READY naming the project once Argos's 502s opened its breaker, without its key", async () => {
    const client = api.app.get(ArgosClientRegistry).get(PROJECT);
    for (let i = 0; i < 2; i++) await expect(client.getResult(`health-${i}`)).rejects.toThrow();
    expect(argos.requests.length).toBeGreaterThanOrEqual(2);
    expect(client.circuitState()).toBe('open');

    const res = await ready();
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.code).toBe('NOT_READY');
    expect(body.checks.argos).toEqual({ status: 'down', projects: { [PROJECT]: 'open' } });
    expect(statuses(body.checks)).toEqual({
      database: 'up',
      argos: 'down',
      webhookInbox: 'up',
      cleanup: 'up',
    });
    expect(res.body).not.toContain(PROJECT_KEY);
  });

  it('keeps liveness unchanged and documents both answers of readiness', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const doc = (await api.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const responses = doc.paths['/health/ready'].get.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '503']);
    expect(responses['200'].content['application/json'].schema.example.details).toEqual(
      expect.objectContaining({
        database: expect.anything(),
        argos: expect.anything(),
        webhookInbox: expect.anything(),
        cleanup: expect.anything(),
      }),
    );
    const [envelope, narrowed] = responses['503'].content['application/json'].schema.allOf;
    expect(envelope.$ref).toMatch(/ErrorEnvelope$/);
    expect(narrowed.properties.code.enum).toEqual(['DATABASE_UNAVAILABLE', 'NOT_READY']);
  });
});

function statuses(checks: Record<string, { status: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check.status]));
}
