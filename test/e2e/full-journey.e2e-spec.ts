import { WebhookReconciler } from '@faceauth/webhook';
import { createSandboxApp, SandboxHandle } from '../../apps/argos-sandbox/src';
import { ApiHarness, startApi } from '../support/api-harness';
import { APPROVED_SUBMISSION, completeHostedPage, eventually, json } from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';

const OPS = 'journey-operator-secret-00000000001';
const PID = 'sandbox-project';
const ARGOS_KEY = 'sandbox-api-key';

/**
 * The whole product over real HTTP against the Argos sandbox: mint → short link → hosted page →
 * webhook → stored result → deletion at Argos. Nothing is mocked.
 */
describe.each(databasesUnderTest())('end-to-end journey against the sandbox on %s', (kind) => {
  let sandbox: SandboxHandle;
  let api: ApiHarness;
  let base: string;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { 'x-api-key': OPS, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });

  beforeAll(async () => {
    sandbox = await createSandboxApp({ projects: [{ pid: PID, apiKey: ARGOS_KEY, webhookVersion: 'v3' }] });
    api = await startApi(kind, {
      env: {
        FACEAUTH_PID: PID,
        FACEAUTH_API_KEY: ARGOS_KEY,
        ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
        ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
        RECONCILE_ENABLED: 'false',
        INTERNAL_API_KEYS: `ops|admin|${OPS}`,
      },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = await api.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
    sandbox.controls.projects.upsert(PID, { webhookUrl: `${base}/webhooks/argos` });
  });
  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const mint = async (body: object) =>
    await json(await call('/v1/links', { method: 'POST', body: JSON.stringify(body) }));
  const openShortLink = (id: string) => fetch(`${base}/l/${id}`, { redirect: 'manual' });
  const storedResult = (authId: string) =>
    eventually(async () => {
      const res = await call(`/v1/results/${authId}`);
      return res.status === 200 ? json(res) : null;
    });

  it('mints, redirects, authenticates at the hosted page, receives the webhook, lists and deletes the result', async () => {
    const link = await mint({
      sid: APPROVED_SUBMISSION,
      authUserId: 'journey-user',
      authCf1: 'journey@example.com',
    });
    const redirect = await openShortLink(link.id);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    expect(location.startsWith(`${sandbox.url}/face-auth?pid=${PID}&encrypted=`)).toBe(true);

    const attempt = await completeHostedPage(location);
    expect(attempt.status).toBe('approved');

    const result = await storedResult(attempt.authId);
    expect(result).toMatchObject({
      status: 'approved',
      submissionId: APPROVED_SUBMISSION,
      authUserId: 'journey-user',
      tokenId: link.token,
      source: 'webhook',
    });
    expect(result.scores.faceSimilarity).toBeGreaterThan(0.9);
    const listed = await json(await call('/v1/results?authUserId=journey-user'));
    expect(listed.items.map((r: { authId: string }) => r.authId)).toEqual([attempt.authId]);

    const after = await json(await call(`/v1/links/${link.id}`));
    expect(after).toMatchObject({ status: 'used', useCount: 1 });
    expect((await openShortLink(link.id)).status).toBe(410);

    const deleted = await call(`/v1/results/${attempt.authId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await json(deleted)).toMatchObject({
      authId: attempt.authId,
      status: 'approved',
      authUserId: null,
      scores: null,
    });
    const atArgos = await fetch(`${sandbox.url}/v3/faceauth?authId=${attempt.authId}`, {
      headers: { 'x-api-key': ARGOS_KEY },
    });
    expect((await json(atArgos))[0].data[0]).toMatchObject({ auth_id: attempt.authId, delete_check: true });
  });

  it.each(['v1', 'v2', 'v3'] as const)(
    'stores the same result from a %s webhook sent by the sandbox',
    async (version) => {
      sandbox.controls.projects.upsert(PID, { webhookVersion: version });
      const link = await mint({ sid: APPROVED_SUBMISSION, authUserId: `user-${version}` });
      const attempt = await completeHostedPage(link.url);
      const result = await storedResult(attempt.authId);
      expect(result).toMatchObject({
        status: 'approved',
        authUserId: `user-${version}`,
        tokenId: link.token,
      });
      expect((await json(await call(`/v1/links/${link.id}`))).status).toBe('used');
      sandbox.controls.projects.upsert(PID, { webhookVersion: 'v3' });
    },
  );

  it('takes the token_expired webhook the sandbox sends when its count expiry is on', async () => {
    sandbox.controls.projects.upsert(PID, { tokenExpiration: { mode: 'count' } });
    try {
      const link = await mint({ sid: APPROVED_SUBMISSION, authUserId: 'expiring-user' });
      await completeHostedPage(link.url);
      const inbox = await eventually(async () => {
        const page = await json(await call('/v1/webhooks/inbox?status=done&limit=200'));
        return page.items.some((r: { trigger: string }) => r.trigger === 'token_expired') ? page : null;
      });
      expect(inbox.items.filter((r: { trigger: string }) => r.trigger === 'token_expired').length).toBeGreaterThanOrEqual(1);
      const reopened = await fetch(link.url);
      expect(reopened.status).toBe(410); // Argos (the sandbox) refuses the expired token too
    } finally {
      sandbox.controls.projects.upsert(PID, { tokenExpiration: { mode: 'off' } });
    }
  });

  it('reconciles a result whose webhook the sandbox dropped, within one poll', async () => {
    await fetch(`${sandbox.url}/__sandbox/webhooks/drop-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    const link = await mint({ sid: APPROVED_SUBMISSION, authUserId: 'dropped-user' });
    const attempt = await completeHostedPage(link.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(`/v1/results/${attempt.authId}`)).status).toBe(404);
    const report = await api.app.get(WebhookReconciler).reconcile();
    expect(report.enqueued).toBeGreaterThanOrEqual(1);
    const result = await storedResult(attempt.authId);
    expect(result).toMatchObject({ status: 'approved', source: 'reconcile', tokenId: link.token });
    expect((await json(await call(`/v1/links/${link.id}`))).useCount).toBe(1);
  });
});
