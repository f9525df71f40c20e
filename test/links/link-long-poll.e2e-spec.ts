import { request } from 'node:http';
import { DataSource } from 'typeorm';
import { OutcomeWatch } from '@faceauth/token-policy';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';

const OPS = 'long-poll-operator-secret-000001';
const POOL = 3;

/**
 * `GET /v1/links/:id?wait=N` over real HTTP: it answers when the outcome leaves `pending` — decided in this
 * process (woken at once), decided by another instance (found by the shared look-up), or reached by time —
 * else at the end of the wait with the pending link; waiters hold no database connection.
 */
describe.each(databasesUnderTest())('the long poll of a link on %s', (kind) => {
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    api = await startApi(kind, {
      env: { INTERNAL_API_KEYS: `ops|admin|${OPS}`, DATABASE_POOL_SIZE: String(POOL) },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => api?.close());

  const headers = { 'x-api-key': OPS };
  const mint = async (body: object = { sid: 'sub_poll' }) => {
    const res = await fetch(`${base}/v1/links`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; expiresAt: string };
  };
  const poll = async (id: string, wait: number | string) => {
    const started = Date.now();
    const res = await fetch(`${base}/v1/links/${id}?wait=${wait}`, { headers });
    const body = (await res.json()) as { outcome: Record<string, unknown> };
    return { status: res.status, body, seconds: (Date.now() - started) / 1000 };
  };
  const watch = () => api.app.get(OutcomeWatch);

  it('answers a revocation made while it waits, long before the end of the wait', async () => {
    const link = await mint();
    const waiting = poll(link.id, 30);
    await eventually(async () => watch().waiting === 1);
    const revoke = await fetch(`${base}/v1/links/${link.id}`, { method: 'DELETE', headers });
    expect(revoke.status).toBe(200);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toMatchObject({ status: 'revoked', reason: 'revoked' });
    expect(answer.seconds).toBeLessThan(10);
    expect(watch().waiting).toBe(0);
  });

  it('finds an outcome decided by another instance (written straight to the database)', async () => {
    const link = await mint();
    const waiting = poll(link.id, 30);
    await eventually(async () => watch().waiting === 1);
    await api.app
      .get(DataSource)
      .query(
        `UPDATE faceauth_tokens SET outcome_status = 'approved', outcome_auth_id = 'fa_elsewhere', outcome_decided_at = ${Date.now()} WHERE id = '${link.id}'`,
      );
    const answer = await waiting;
    expect(answer.body.outcome).toMatchObject({ status: 'approved', authId: 'fa_elsewhere' });
    expect(answer.seconds).toBeLessThan(10);
  });

  it('answers when the link expires during the wait', async () => {
    const link = await mint({ sid: 'sub_poll', expiresInSeconds: 1 });
    const answer = await poll(link.id, 30);
    expect(answer.body.outcome).toEqual({
      status: 'expired',
      authId: null,
      decidedAt: link.expiresAt,
      reason: 'link_expired',
    });
    expect(answer.seconds).toBeLessThan(10);
  });

  it('answers the pending link at the end of the wait, and at once without one', async () => {
    const link = await mint();
    const waited = await poll(link.id, 1);
    expect(waited.body.outcome.status).toBe('pending');
    expect(waited.seconds).toBeGreaterThanOrEqual(0.9);
    expect((await poll(link.id, 0)).body.outcome.status).toBe('pending');
  });

  it(`keeps answering other requests while more waiters than the pool's ${POOL} connections wait`, async () => {
    const link = await mint();
    // One connection per waiter (no client pool), each destroyed by the test: clients that go away.
    const waiters = Array.from({ length: 50 }, () =>
      request(`${base}/v1/links/${link.id}?wait=30`, { headers, agent: false }).on('error', () => undefined),
    );
    waiters.forEach((w) => w.end());
    try {
      await eventually(async () => watch().waiting === 50);
      const other = await mint();
      const read = await fetch(`${base}/v1/links/${other.id}`, { headers });
      expect(read.status).toBe(200);
    } finally {
      waiters.forEach((w) => w.destroy());
    }
    // Clients that go away end their waits.
    await eventually(async () => watch().waiting === 0);
  });

  it.each([['61'], ['-1'], ['1.5'], ['soon']])('refuses wait=%s with a 400 naming wait', async (wait) => {
    const link = await mint();
    const answer = await poll(link.id, wait);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('wait');
  });
});
