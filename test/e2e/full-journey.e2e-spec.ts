import { WebhookReconciler } from '@faceauth/webhook';
import { createSandboxApp, SandboxHandle } from '@faceauth/argos-sandbox';
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
      authCf2: 'cf-two',
      authCf3: 'cf-three',
    });
    const redirect = await openShortLink(link.id);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    expect(location.startsWith(`${sandbox.url}/face-auth?pid=${PID}&encrypted=`)).toBe(true);

    const attempt = await completeHostedPage(location);
    expect(attempt.status).toBe('approved');

    const result = await storedResult(attempt.authId);
    // The sandbox's records carry no person and no token, as Argos' do: all of it comes from the link.
    expect(result).toMatchObject({
      status: 'approved',
      submissionId: APPROVED_SUBMISSION,
      authUserId: 'journey-user',
      cf1: 'journey@example.com',
      cf2: 'cf-two',
      cf3: 'cf-three',
      tokenId: link.token,
      linkId: link.id,
      identitySource: 'link',
      source: 'webhook',
    });
    // Argos' scale: 0-100.
    expect(result.scores.faceSimilarity).toBeGreaterThan(90);
    expect(result.scores.faceSimilarity).toBeLessThanOrEqual(100);
    const listed = await json(await call('/v1/results?authUserId=journey-user'));
    expect(listed.items.map((r: { authId: string }) => r.authId)).toEqual([attempt.authId]);
    const byLink = await json(await call(`/v1/results?linkId=${link.id}`));
    expect(byLink.items.map((r: { authId: string }) => r.authId)).toEqual([attempt.authId]);

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

  it.each(['token-expired-first', 'faceauth-first'] as const)(
    'ends the link used once, with the result bound to it, when Argos sends %s, then forgets the person at Argos',
    async (order) => {
      sandbox.controls.projects.upsert(PID, { tokenExpiration: { mode: 'count' }, webhookOrder: order });
      try {
        const user = `order-${order}-${kind}`;
        const link = await mint({
          sid: APPROVED_SUBMISSION,
          authUserId: user,
          authCf1: `${user}@example.com`,
        });
        const expiries = async (): Promise<number> =>
          (await json(await call('/v1/webhooks/inbox?status=done&limit=200'))).items.filter(
            (r: { trigger: string }) => r.trigger === 'token_expired',
          ).length;
        const before = await expiries();
        const attempt = await completeHostedPage(link.url);
        // Both webhooks processed, in the order the sandbox sent them.
        await eventually(async () => {
          const page = await json(await call('/v1/webhooks/inbox?status=done&limit=200'));
          const result = page.items.some((r: { authId: string | null }) => r.authId === attempt.authId);
          return result && (await expiries()) > before ? true : null;
        });
        expect(await storedResult(attempt.authId)).toMatchObject({
          authUserId: user,
          linkId: link.id,
          identitySource: 'link',
        });
        expect(await json(await call(`/v1/links/${link.id}`))).toMatchObject({ status: 'used', useCount: 1 });

        const forgotten = await call(`/v1/users/${user}/biometrics`, { method: 'DELETE' });
        expect(forgotten.status).toBe(200);
        expect(await json(forgotten)).toMatchObject({
          results: 1,
          deleted: 1,
          complete: true,
          remaining: [],
        });
        const atArgos = await fetch(`${sandbox.url}/v3/faceauth?authId=${attempt.authId}`, {
          headers: { 'x-api-key': ARGOS_KEY },
        });
        expect((await json(atArgos))[0].data[0]).toMatchObject({
          auth_id: attempt.authId,
          delete_check: true,
        });
      } finally {
        sandbox.controls.projects.upsert(PID, {
          tokenExpiration: { mode: 'off' },
          webhookOrder: 'token-expired-first',
        });
      }
    },
  );

  it.each(['v1', 'v2', 'v3'] as const)(
    'stores the same result from a %s webhook sent by the sandbox',
    async (version) => {
      sandbox.controls.projects.upsert(PID, { webhookVersion: version });
      const link = await mint({ sid: APPROVED_SUBMISSION, authUserId: `user-${version}` });
      const attempt = await completeHostedPage(link.url);
      const result = await storedResult(attempt.authId);
      // v1 and v2 carry no token: the person comes from the webhook's fields, a hint; v3 names our link.
      expect(result).toMatchObject(
        version === 'v3'
          ? { status: 'approved', authUserId: `user-${version}`, tokenId: link.token, identitySource: 'link' }
          : { status: 'approved', authUserId: `user-${version}`, linkId: null, identitySource: 'webhook' },
      );
      // Nothing else names the link (Argos' records carry no token), so only v3 uses it up.
      expect((await json(await call(`/v1/links/${link.id}`))).status).toBe(
        version === 'v3' ? 'used' : 'active',
      );
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
      expect(
        inbox.items.filter((r: { trigger: string }) => r.trigger === 'token_expired').length,
      ).toBeGreaterThanOrEqual(1);
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
    // Argos' listing names no person and no token: the result is stored, its person honestly unknown.
    const result = await storedResult(attempt.authId);
    expect(result).toMatchObject({ status: 'approved', source: 'reconcile', authUserId: null, linkId: null });
    expect((await json(await call(`/v1/links/${link.id}`))).useCount).toBe(0);
    expect((await json(await call('/v1/cleanup/overdue'))).unknownPerson).toBeGreaterThanOrEqual(1);

    // The webhook, when it comes after all, takes the reconciled row over and binds the result to its link.
    const deliveries = await json(await fetch(`${sandbox.url}/__sandbox/webhooks`));
    const dropped = deliveries.find(
      (d: { event: string; payload: { data?: { Authentication_id?: string } } }) =>
        d.event === 'faceAuth' && d.payload.data?.Authentication_id === attempt.authId,
    );
    expect(
      (await fetch(`${sandbox.url}/__sandbox/webhooks/${dropped.id}/resend`, { method: 'POST' })).status,
    ).toBe(200);
    const bound = await eventually(async () => {
      const r = await json(await call(`/v1/results/${attempt.authId}`));
      return r.linkId ? r : null;
    });
    expect(bound).toMatchObject({
      authUserId: 'dropped-user',
      linkId: link.id,
      identitySource: 'link',
      source: 'reconcile',
    });
    expect((await json(await call(`/v1/links/${link.id}`))).useCount).toBe(1);
  });
});
