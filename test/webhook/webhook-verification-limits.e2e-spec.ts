import { ManualClock } from '@faceauth/core';
import { WebhookProcessor } from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';
import { buildFaceAuthWebhookV3 } from '../vendor-contract/fixtures/faceauth-webhook.fixture';
import { VendorFixtureServer } from '../vendor-contract/support/vendor-fixture.server';

const PID = 'pid-verification-limits';
const ARGOS_KEY = 'verification-limits-add-on-key-0001';
const ADMIN_KEY = 'verification-limits-admin-secret-00001';
const FORGED = 100;
const MAX_NOT_FOUND_LOOKUPS = 3;

/**
 * Forged webhooks for authentication ids Argos does not know: each costs at most the allowed number of
 * verification look-ups, then its row ends `unverified` (listed, replayable) instead of retrying on.
 */
describe.each(databasesUnderTest())('bounded verification look-ups on %s', (kind) => {
  let argos: VendorFixtureServer;
  let api: ApiHarness;
  const clock = new ManualClock(Date.UTC(2026, 11, 1));

  beforeAll(async () => {
    argos = await VendorFixtureServer.start({ apiKey: ARGOS_KEY, projectId: PID, shape: 'grouped' });
    api = await startApi(kind, {
      clock,
      env: {
        FACEAUTH_PID: PID,
        FACEAUTH_API_KEY: ARGOS_KEY,
        INTERNAL_API_KEYS: `ops|admin|${ADMIN_KEY}`,
        WEBHOOK_PROCESSOR_ENABLED: 'false',
        RECONCILE_ENABLED: 'false',
        WEBHOOK_VERIFICATION_MAX_NOT_FOUND: String(MAX_NOT_FOUND_LOOKUPS),
        WEBHOOK_VERIFICATION_RATE_PER_SECOND: '10000',
      },
      configure: (config) => ({ ...config, argos: { ...config.argos, apiBaseUrl: argos.baseUrl } }),
    });
  });
  afterAll(async () => {
    await api?.close();
    await argos?.close();
  });

  const admin = (method: 'GET' | 'POST', url: string) =>
    api.app.inject({ method, url, headers: { 'x-api-key': ADMIN_KEY } });
  const lookups = () => argos.requests.filter((r) => r.route === 'GET /faceauth').length;

  it('spends at most the cap of look-ups per forged id, then leaves the row unverified and replayable', async () => {
    for (let i = 0; i < FORGED; i++) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/webhooks/argos',
        payload: buildFaceAuthWebhookV3({
          authId: `forged-${kind}-${i}`,
          submissionId: 'sub-forged',
          status: 'approved',
          createTime: clock.now().toISOString(),
        }),
      });
      expect(res.statusCode).toBe(200);
    }
    const processor = api.app.get(WebhookProcessor);
    // Each pass processes what is due, then time moves past the longest retry delay.
    for (let pass = 0; pass < MAX_NOT_FOUND_LOOKUPS + 2; pass++) {
      await processor.drain();
      clock.advance(600_000);
    }
    expect(lookups()).toBe(FORGED * MAX_NOT_FOUND_LOOKUPS);
    const unverified = (await admin('GET', '/v1/webhooks/inbox?status=unverified&limit=200')).json();
    expect(unverified.items).toHaveLength(FORGED);
    expect((await admin('GET', '/v1/webhooks/inbox?status=pending&limit=200')).json().items).toHaveLength(0);
    expect((await admin('GET', '/v1/results?limit=200')).json().items).toHaveLength(0);

    // Replayed (say the record shows up at Argos late): processed again, one more look-up.
    const row = unverified.items[0];
    const replayed = await admin('POST', `/v1/webhooks/inbox/${row.id}/replay`);
    expect(replayed.statusCode).toBe(202);
    expect(replayed.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await processor.drain();
    expect(lookups()).toBe(FORGED * MAX_NOT_FOUND_LOOKUPS + 1);
  });
});
