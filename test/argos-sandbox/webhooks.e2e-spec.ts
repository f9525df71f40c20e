import { createQueryCipher, deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import {
  createSandboxApp,
  SandboxHandle,
  SEEDED_SUBMISSIONS,
  WebhookDelivery,
} from '@faceauth/argos-sandbox';
import {
  captureForm,
  faceAuthForm,
  readJson,
  startWebhookReceiver,
  SubmitBody,
  WebhookReceiver,
} from './sandbox-test.helpers';

// faceAuth webhooks: payload versions, secure transmission, retries and the delivery switches.
const PID = 'hook-project';
const API_KEY = 'hook-api-key';
const TOKEN = 'tok_hook_00001';

describe('argos-sandbox webhooks', () => {
  let sandbox: SandboxHandle;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await createSandboxApp({
      projects: [{ pid: PID, apiKey: API_KEY }],
      webhookRetry: {
        maxAttempts: 4,
        initialDelayMs: 20,
        backoffFactor: 2,
        maxDelayMs: 100,
        timeoutMs: 2000,
      },
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(() => {
    sandbox.controls.reset();
    sandbox.controls.projects.upsert(PID, { webhookUrl: receiver.url });
    receiver.reset();
  });

  /** One attempt through the hosted page with every echoed URL field set; returns the auth id. */
  async function attemptViaPage(key = API_KEY): Promise<string> {
    const project = sandbox.controls.projects.findByPid(PID)!;
    const links = new FaceAuthUrlBuilder({
      formUrl: `${sandbox.url}/face-auth`,
      pid: PID,
      key: deriveKey(key),
      cipher: project.cipher === 'gcm' ? 'aes-256-gcm' : 'aes-256-ecb',
    });
    const url = links.build({
      sid: SEEDED_SUBMISSIONS.approved,
      authUserId: 'user-42',
      authCf1: 'c1',
      authCf3: 'c3',
      token: TOKEN,
    });
    const { action, encrypted } = captureForm(await (await fetch(url)).text());
    const form = new FormData();
    form.append('encrypted', encrypted);
    form.append('action', 'reference');
    const html = await (await fetch(new URL(action, sandbox.url), { method: 'POST', body: form })).text();
    return /data-auth-id="([^"]+)"/.exec(html)![1];
  }

  async function attemptViaApi(): Promise<string> {
    const res = await fetch(`${sandbox.url}/v3/faceauth`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY },
      body: faceAuthForm(
        { submissionId: SEEDED_SUBMISSIONS.approvedSecond, userId: 'api-user' },
        Buffer.from('\xff\xd8\xff not her', 'latin1'),
      ),
    });
    return (await readJson<SubmitBody>(res)).authentication_id;
  }

  const createTime = (authId: string): string =>
    sandbox.controls.records.find(PID, authId)!.createdAt.toISOString();
  const reference = {
    userid: 'demo-user-001',
    email: 'alice@example.com',
    cf: { cf1: 'gold', cf2: '', cf3: '' },
  };

  it('v1 body exactly as the contract', async () => {
    sandbox.controls.projects.upsert(PID, { webhookVersion: 'v1' });
    const authId = await attemptViaPage();
    const [hook] = await receiver.waitFor(1);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.json).toEqual({
      webhook_trigger: 'faceAuth',
      auth_id: authId,
      data: {
        submission_id: SEEDED_SUBMISSIONS.approved,
        auth_status: 'approved',
        create_time: createTime(authId),
        user_id: 'user-42',
        cf1: 'c1',
        cf2: '',
        cf3: 'c3',
      },
    });
  });

  it('v2 body exactly as the contract', async () => {
    sandbox.controls.projects.upsert(PID, { webhookVersion: 'v2' });
    const authId = await attemptViaPage();
    const [hook] = await receiver.waitFor(1);
    expect(hook.json).toEqual({
      webhook_trigger: 'faceAuth',
      Authentication_id: authId,
      data: {
        Submission_id: SEEDED_SUBMISSIONS.approved,
        Auth_Status: 'approved',
        Create_Time: createTime(authId),
        User_id: 'user-42',
        cf1: 'c1',
        cf2: '',
        cf3: 'c3',
        reference,
      },
    });
  });

  it('v3 body exactly as the contract, for page and API attempts', async () => {
    const authId = await attemptViaPage();
    const apiId = await attemptViaApi();
    const [page, api] = await receiver.waitFor(2);
    expect(page.json).toEqual({
      webhook_trigger: 'faceAuth',
      data: {
        Submission_id: SEEDED_SUBMISSIONS.approved,
        Auth_Status: 'approved',
        Create_Time: createTime(authId),
        Auth_User_id: 'user-42',
        Auth_cf1: 'c1',
        Auth_cf2: '',
        Auth_cf3: 'c3',
        Token_id: TOKEN,
        reference,
        Authentication_id: authId,
      },
    });
    expect(api.json).toMatchObject({
      data: {
        Authentication_id: apiId,
        Auth_Status: 'rejected',
        Auth_User_id: 'api-user',
        Token_id: '',
        Submission_id: SEEDED_SUBMISSIONS.approvedSecond,
      },
    });
  });

  it.each(['ecb', 'gcm'] as const)(
    'secure transmission (%s): {"data": ciphertext} decrypts to the same JSON',
    async (cipher) => {
      sandbox.controls.projects.upsert(PID, { secureTransmission: true, cipher, secretKey: 'hook-secret' });
      await attemptViaPage('hook-secret');
      const [hook] = await receiver.waitFor(1);
      const envelope = hook.json as { data: string };
      expect(Object.keys(envelope)).toEqual(['data']);
      const decipher = createQueryCipher({
        cipher: cipher === 'gcm' ? 'aes-256-gcm' : 'aes-256-ecb',
        key: deriveKey('hook-secret'),
      });
      const plain = JSON.parse(decipher.decrypt(envelope.data));
      const [delivery] = await deliveries();
      expect(delivery.encrypted).toBe(true);
      expect(plain).toEqual(delivery.payload);
      expect(plain).toMatchObject({
        webhook_trigger: 'faceAuth',
        data: { Token_id: TOKEN, Auth_User_id: 'user-42' },
      });
    },
  );

  it('retries non-2xx answers and dropped connections with backoff until delivered', async () => {
    receiver.respondWith(500, 0, 503);
    await attemptViaPage();
    const hooks = await receiver.waitFor(4);
    expect(hooks.map((h) => h.answered)).toEqual([500, 0, 503, 200]);
    expect(new Set(hooks.map((h) => h.body)).size).toBe(1);
    const [delivery] = await deliveries(true);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a) => a.statusCode ?? 'error')).toEqual([500, 'error', 503, 200]);
  });

  it('gives up after maxAttempts and reports the delivery as failed', async () => {
    receiver.respondWith(500, 500, 500, 500);
    await attemptViaPage();
    const [delivery] = await deliveries(true);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(4);
    expect(receiver.received).toHaveLength(4);
  });

  it('drop-next skips the next webhook only', async () => {
    expect((await control('/__sandbox/webhooks/drop-next', { count: 1 })).status).toBe(200);
    const dropped = await attemptViaPage();
    const sent = await attemptViaPage();
    const list = await deliveries(true);
    expect(list.map((d) => d.status)).toEqual(['dropped', 'delivered']);
    expect(receiver.received).toHaveLength(1);
    expect(
      (receiver.received[0].json as { data: { Authentication_id: string } }).data.Authentication_id,
    ).toBe(sent);
    expect(list[0].payload).toMatchObject({ data: { Authentication_id: dropped } });
  });

  it('duplicate-next sends the same body several times', async () => {
    await control('/__sandbox/webhooks/duplicate-next', { count: 1, times: 3 });
    await attemptViaPage();
    await attemptViaPage();
    const hooks = await receiver.waitFor(4);
    const list = await deliveries(true);
    expect(list).toHaveLength(4);
    expect(list.filter((d) => d.duplicateOf === list[0].id)).toHaveLength(2);
    expect(hooks.slice(0, 3).every((h) => h.body === hooks[0].body)).toBe(true);
    expect(hooks[3].body).not.toBe(hooks[0].body);
  });

  it('resend re-delivers a webhook byte for byte, also after it was dropped', async () => {
    await control('/__sandbox/webhooks/drop-next', { count: 1 });
    await attemptViaPage();
    const [dropped] = await deliveries(true);
    const res = await control(`/__sandbox/webhooks/${dropped.id}/resend`, {});
    expect(res.status).toBe(200);
    const resent = await readJson<WebhookDelivery>(res);
    expect(resent.resendOf).toBe(dropped.id);
    const [hook] = await receiver.waitFor(1);
    expect(hook.body).toBe(dropped.body);
    expect((await control('/__sandbox/webhooks/wh_nope/resend', {})).status).toBe(404);
  });

  it('records the webhook as skipped when the project has no URL', async () => {
    sandbox.controls.projects.upsert(PID, { webhookUrl: null });
    await attemptViaPage();
    const [delivery] = await deliveries(true);
    expect(delivery).toMatchObject({ status: 'skipped', event: 'faceAuth', attempts: [] });
    expect(receiver.received).toHaveLength(0);
  });

  async function deliveries(settle = false): Promise<WebhookDelivery[]> {
    return readJson(fetch(`${sandbox.url}/__sandbox/webhooks${settle ? '?settle=true' : ''}`));
  }

  function control(path: string, body: unknown): Promise<Response> {
    return fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
});
