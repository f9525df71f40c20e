import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { deriveKey, createQueryCipher } from '@faceauth/encryption';
import { FACEAUTH_RESULT_EVENT, FaceAuthResultEvent, WebhookProcessor } from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { ScriptedHttpServer } from '../support/scripted-http.server';
import { databasesUnderTest } from '../support/test-databases';

const ARGOS_KEY = 'webhook-tests-add-on-key-0001';
const ADMIN = 'webhook-admin-secret-00000000000001';

/** What Argos answers for GET /faceauth?authId=: scores, and the status Argos really recorded. */
function argosRecord(authId: string, status = 'approved', tokenId?: string) {
  return [
    {
      faceAuth_projectId: 'pid-wh',
      data: [
        {
          auth_id: authId,
          auth_status: status,
          create_time: '2026-11-20T10:00:00.000Z',
          submit_type: 'form',
          kyc_submission_id: 'sub_wh',
          result: { face_similarity: 0.93 },
          ...(tokenId ? { Token_id: tokenId } : {}),
        },
      ],
    },
  ];
}

const payloads = (authId: string, tokenId: string) => ({
  v1: {
    webhook_trigger: 'faceAuth',
    auth_id: authId,
    data: {
      submission_id: 'sub_wh',
      auth_status: 'approved',
      create_time: '2026-11-20',
      user_id: 'u1',
      cf1: 'a',
      cf2: 'b',
      cf3: 'c',
    },
  },
  v2: {
    webhook_trigger: 'faceAuth',
    Authentication_id: authId,
    data: {
      Submission_id: 'sub_wh',
      Auth_Status: 'approved',
      Create_Time: '2026-11-20',
      User_id: 'u1',
      cf1: 'a',
      reference: { userid: 'r', email: 'e@x', cf: {} },
    },
  },
  v3: {
    webhook_trigger: 'faceAuth',
    data: {
      Submission_id: 'sub_wh',
      Auth_Status: 'approved',
      Create_Time: '2026-11-20',
      Auth_User_id: 'u1',
      Auth_cf1: 'a',
      Token_id: tokenId,
      reference: {},
      Authentication_id: authId,
    },
  },
});

describe.each(databasesUnderTest())('webhook intake and processing on %s', (kind) => {
  const argos = new ScriptedHttpServer();
  let api: ApiHarness;
  const events: FaceAuthResultEvent[] = [];
  const post = (payload: unknown, url = '/webhooks/argos') =>
    api.app.inject({ method: 'POST', url, payload: payload as object });
  const drain = () => api.app.get(WebhookProcessor).drain();
  const count = async (table: string) =>
    Number((await api.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    const base = await argos.start();
    argos.answer((req, res) => {
      const authId = new URL(req.url, 'http://x').searchParams.get('authId') ?? '';
      const status = authId.startsWith('liar') ? 'rejected' : 'approved';
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(argosRecord(authId, status)));
    });
    api = await startApi(kind, {
      env: {
        FACEAUTH_PID: 'pid-wh',
        FACEAUTH_API_KEY: ARGOS_KEY,
        ARGOS_API_BASE_URL: `${base}/v3`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
        ARGOS_BREAKER_RESET_MS: '50',
        INTERNAL_API_KEYS: `ops|admin|${ADMIN}`,
      },
    });
    api.app.get(EventEmitter2).on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => void events.push(e));
  });
  afterAll(async () => {
    await api.close();
    await argos.stop();
  });

  it('accepts all three faceAuth versions, stores what Argos says and records the token use once', async () => {
    const link = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: { 'x-api-key': ADMIN },
        payload: { sid: 'sub_wh', policy: { mode: 'count', maxUses: 3 } },
      })
    ).json();
    for (const [version, payload] of Object.entries(payloads(`auth-${kind}-v`, link.token))) {
      const body = JSON.parse(
        JSON.stringify(payload).replaceAll(`auth-${kind}-v`, `auth-${kind}-${version}`),
      );
      const res = await post(body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: true, duplicate: false });
    }
    expect(await drain()).toBe(3);
    for (const version of ['v1', 'v2', 'v3']) {
      const stored = await api.app.inject({
        method: 'GET',
        url: `/v1/results/auth-${kind}-${version}`,
        headers: { 'x-api-key': ADMIN },
      });
      expect(stored.json()).toMatchObject({
        status: 'approved',
        submissionId: 'sub_wh',
        scores: { faceSimilarity: 0.93 },
        source: 'webhook',
      });
    }
    const after = await api.app.inject({
      method: 'GET',
      url: `/v1/links/${link.id}`,
      headers: { 'x-api-key': ADMIN },
    });
    expect(after.json().useCount).toBe(1); // only v3 carries the token id
    expect(
      events
        .filter((e) => e.record.authId.startsWith(`auth-${kind}-`))
        .map((e) => e.tokenUseRecorded)
        .sort(),
    ).toEqual([false, false, true]);
  });

  it('acknowledges duplicates without a second row or a second effect', async () => {
    const payload = payloads(`dup-${kind}`, 'x').v1;
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(payload)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);
    const rows = await api.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE auth_id = '${`dup-${kind}`}'`);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('stores a result as Argos says when the webhook disagrees', async () => {
    await post({ webhook_trigger: 'faceAuth', auth_id: `liar-${kind}`, data: { auth_status: 'approved' } });
    await drain();
    const stored = await api.app.inject({
      method: 'GET',
      url: `/v1/results/liar-${kind}`,
      headers: { 'x-api-key': ADMIN },
    });
    expect(stored.json().status).toBe('rejected');
  });

  it('marks a token expired on token_expired and acknowledges unknown triggers without processing them', async () => {
    const link = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: { 'x-api-key': ADMIN },
        payload: { sid: 's', policy: { mode: 'count', maxUses: 2 } },
      })
    ).json();
    const res = await post({
      webhook_trigger: 'token_expired',
      token_id: link.token,
      expired_condition: 'count',
      expired_at: '2026-11-20T00:00:00Z',
      service: 'faceAuth',
    });
    expect(res.statusCode).toBe(200);
    await drain();
    expect(
      (
        await api.app.inject({ method: 'GET', url: `/v1/links/${link.id}`, headers: { 'x-api-key': ADMIN } })
      ).json().status,
    ).toBe('expired');
    const unknown = await post({ webhook_trigger: 'brandNewThing', anything: 1 });
    expect(unknown.statusCode).toBe(200);
    const inbox = (
      await api.app.inject({
        method: 'GET',
        url: '/v1/webhooks/inbox?status=ignored',
        headers: { 'x-api-key': ADMIN },
      })
    ).json();
    expect(inbox.items.map((r: { trigger: string }) => r.trigger)).toContain('brandNewThing');
  });

  it('answers malformed bodies with 400 and writes nothing', async () => {
    const before = await count('faceauth_webhook_inbox');
    const bad = [
      api.app.inject({
        method: 'POST',
        url: '/webhooks/argos',
        headers: { 'content-type': 'application/json' },
        payload: '{"webhook_trigger": ',
      }),
      post({ nothing: true }),
      post({ webhook_trigger: 'faceAuth', data: {} }),
      post({ webhook_trigger: 'faceAuth', auth_id: 'has spaces and ; drop' }),
      post({ webhook_trigger: 'token_expired', token_id: 'tok_12345678', expired_condition: 'sometimes' }),
      post([1, 2, 3]),
      post({ data: 'bm90IGEgY2lwaGVydGV4dA==' }),
    ];
    for (const res of await Promise.all(bad)) {
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toMatch(
        /^(BAD_REQUEST|WEBHOOK_MALFORMED_PAYLOAD|WEBHOOK_UNDECRYPTABLE_PAYLOAD)$/,
      );
    }
    expect(await count('faceauth_webhook_inbox')).toBe(before);
  });

  it('decrypts secure-data-transmission bodies with the project key', async () => {
    const cipher = createQueryCipher({ cipher: 'aes-256-ecb', key: deriveKey(ARGOS_KEY) });
    const res = await post({ data: cipher.encrypt(JSON.stringify(payloads(`secure-${kind}`, 't').v1)) });
    expect(res.statusCode).toBe(200);
    await drain();
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/v1/results/secure-${kind}`,
          headers: { 'x-api-key': ADMIN },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('retries a failing row with backoff, ends it dead, and replays it on demand', async () => {
    argos.requests.splice(0);
    const original = argos;
    original.answerJson(500, {});
    await post(payloads(`flaky-${kind}`, 't').v1);
    const processor = api.app.get(WebhookProcessor);
    for (let i = 0; i < 12; i++) {
      await api.app
        .get(DataSource)
        .query(
          `UPDATE faceauth_webhook_inbox SET next_attempt_at = 0 WHERE auth_id = 'flaky-${kind}' AND status = 'pending'`,
        );
      await processor.drain();
    }
    const dead = (
      await api.app.inject({
        method: 'GET',
        url: '/v1/webhooks/inbox?status=dead',
        headers: { 'x-api-key': ADMIN },
      })
    ).json().items;
    const row = dead.find((r: { authId: string }) => r.authId === `flaky-${kind}`);
    expect(row).toMatchObject({ status: 'dead', attempts: 8 });
    expect(row.lastError).toMatch(/^ARGOS_(SERVER_ERROR|UNAVAILABLE): /);
    original.answer((req, res) => {
      const authId = new URL(req.url, 'http://x').searchParams.get('authId') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(argosRecord(authId)));
    });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the circuit breaker half-open
    const replay = await api.app.inject({
      method: 'POST',
      url: `/v1/webhooks/inbox/${row.id}/replay`,
      headers: { 'x-api-key': ADMIN },
    });
    expect(replay.statusCode).toBe(202);
    await processor.drain();
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/v1/results/flaky-${kind}`,
          headers: { 'x-api-key': ADMIN },
        })
      ).json().status,
    ).toBe('approved');
  });
});

describe('webhook authenticity checks (sqlite)', () => {
  let api: ApiHarness;
  const SECRET_A = 'webhook-secret-aaaaaaaaaaaaaaaa';
  const SECRET_B = 'webhook-secret-bbbbbbbbbbbbbbbb';
  const payload = { webhook_trigger: 'faceAuth', auth_id: 'auth-sec', data: { auth_status: 'approved' } };

  afterEach(() => api?.close());
  const rows = async () =>
    Number((await api.app.get(DataSource).query('SELECT COUNT(*) AS n FROM faceauth_webhook_inbox'))[0].n);

  it('requires one of the configured secrets, in the path or the query, and logs none of them', async () => {
    api = await startApi('sqlite', {
      env: {
        WEBHOOK_SECRETS: `${SECRET_A},${SECRET_B}`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    for (const url of [
      '/webhooks/argos',
      '/webhooks/argos/wrong-secret-xxxxxxxxxx',
      '/webhooks/argos?secret=nope',
    ]) {
      const res = await api.app.inject({ method: 'POST', url, payload });
      expect(res.statusCode).toBe(401);
    }
    expect(await rows()).toBe(0);
    expect(
      (await api.app.inject({ method: 'POST', url: `/webhooks/argos/${SECRET_A}`, payload })).statusCode,
    ).toBe(200);
    expect(
      (await api.app.inject({ method: 'POST', url: `/webhooks/argos?secret=${SECRET_B}`, payload })).json()
        .duplicate,
    ).toBe(true);
    const logs = api.logs.join('');
    expect(logs).not.toContain(SECRET_A);
    expect(logs).not.toContain(SECRET_B);
  });

  it('refuses sources outside the allowlist with 403', async () => {
    api = await startApi('sqlite', {
      env: {
        WEBHOOK_ALLOWED_SOURCES: '10.1.0.0/16,2001:db8::/32',
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    expect(
      (await api.app.inject({ method: 'POST', url: '/webhooks/argos', payload, remoteAddress: '127.0.0.1' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api.app.inject({ method: 'POST', url: '/webhooks/argos', payload, remoteAddress: '10.2.0.1' }))
        .statusCode,
    ).toBe(403);
    expect(await rows()).toBe(0);
    expect(
      (await api.app.inject({ method: 'POST', url: '/webhooks/argos', payload, remoteAddress: '10.1.200.3' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/webhooks/argos',
          payload,
          remoteAddress: '2001:db8::5',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses plaintext bodies when secure transmission is required', async () => {
    api = await startApi('sqlite', {
      env: {
        WEBHOOK_SECURE_TRANSMISSION: 'required',
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
      },
    });
    expect((await api.app.inject({ method: 'POST', url: '/webhooks/argos', payload })).statusCode).toBe(400);
    expect(await rows()).toBe(0);
  });
});
