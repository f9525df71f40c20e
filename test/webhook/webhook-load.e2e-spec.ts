import { DataSource } from 'typeorm';
import { WebhookProcessor } from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';
import { deliver, shuffledDeliveries } from '../support/webhook-load';

const DISTINCT = Number(process.env.LOAD_DISTINCT ?? 10_000);
const COPIES = 5;
const ADMIN = 'load-admin-secret-000000000000000001';

/**
 * Issue 7, acceptance 2: 10,000 distinct results delivered 5× each, shuffled, by 50 concurrent senders over real
 * HTTP, end with exactly 10,000 result rows, 10,000 processed inbox rows and exactly one token use per result.
 */
describe.each(databasesUnderTest())('webhook intake under 5x duplicated shuffled load on %s', (kind) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(kind, {
      env: {
        WEBHOOK_VERIFY_BY_FETCH: 'false',
        RECONCILE_ENABLED: 'false',
        INTERNAL_API_KEYS: `ops|admin|${ADMIN}`,
        LOG_LEVEL: 'warn',
      },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => api.close());

  it('stores each result once and records each token use once', async () => {
    const tokens: { id: string; token: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: { 'x-api-key': ADMIN },
        payload: { sid: 'sub_load', policy: { mode: 'count', maxUses: 1000 } },
      });
      tokens.push(res.json());
    }
    const url = `${(await api.app.getUrl()).replace('[::1]', '127.0.0.1')}/webhooks/argos`;
    const report = await deliver(
      url,
      shuffledDeliveries(
        `load-${kind}`,
        DISTINCT,
        COPIES,
        tokens.map((t) => t.token),
      ),
      50,
    );
    expect(report.errors).toBe(0);
    expect([...report.statuses.entries()]).toEqual([[200, DISTINCT * COPIES]]);
    expect(report.acknowledged.size).toBe(DISTINCT);

    const data = api.app.get(DataSource);
    const processor = api.app.get(WebhookProcessor);
    await eventually(async () => {
      await processor.drain();
      const [{ n }] = await data.query(
        `SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE status = 'done'`,
      );
      return Number(n) === DISTINCT;
    }, 120_000);
    expect(Number((await data.query('SELECT COUNT(*) AS n FROM faceauth_webhook_inbox'))[0].n)).toBe(
      DISTINCT,
    );
    expect(Number((await data.query('SELECT COUNT(*) AS n FROM faceauth_results'))[0].n)).toBe(DISTINCT);
    expect(Number((await data.query('SELECT MAX(attempts) AS n FROM faceauth_webhook_inbox'))[0].n)).toBe(1);
    const uses = await data.query('SELECT SUM(use_count) AS n FROM faceauth_tokens');
    expect(Number(uses[0].n)).toBe(DISTINCT);
  }, 600_000);
});
