import { createSandboxApp, SandboxHandle } from '@faceauth/argos-sandbox';
import { ApiHarness, startApi } from '../support/api-harness';
import { APPROVED_SUBMISSION, completeHostedPage, eventually, json } from '../support/sandbox-journey';

const OPS = 'metrics-operator-secret-000000000001';
const SCRAPER = 'metrics-scraper-secret-000000000002';

/** Issue 10, acceptance 3: after an end-to-end flow, /metrics shows each family with the values the flow caused. */
describe('Prometheus metrics after an end-to-end flow (sqlite)', () => {
  let sandbox: SandboxHandle;
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    sandbox = await createSandboxApp({ projects: [{ pid: 'sandbox-project', apiKey: 'sandbox-api-key' }] });
    api = await startApi('sqlite', {
      env: {
        FACEAUTH_PID: 'sandbox-project',
        FACEAUTH_API_KEY: 'sandbox-api-key',
        ARGOS_API_BASE_URL: `${sandbox.url}/v3`,
        ARGOS_FORM_URL: `${sandbox.url}/face-auth`,
        RECONCILE_ENABLED: 'false',
        INTERNAL_API_KEYS: `ops|admin|${OPS};scraper|metrics:read|${SCRAPER}`,
      },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    sandbox.controls.projects.upsert('sandbox-project', { webhookUrl: `${base}/webhooks/argos` });
  });
  afterAll(async () => {
    await api?.close();
    await sandbox?.close();
  });

  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.split(' ').pop()) : NaN;
  };

  it('counts HTTP, Argos calls, webhooks and tokens', async () => {
    const headers = { 'x-api-key': OPS, 'content-type': 'application/json' };
    const link = await json(
      await fetch(`${base}/v1/links`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ sid: APPROVED_SUBMISSION }),
      }),
    );
    const second = await json(
      await fetch(`${base}/v1/links`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ sid: APPROVED_SUBMISSION }),
      }),
    );
    await fetch(`${base}/v1/links/${second.id}`, { method: 'DELETE', headers: { 'x-api-key': OPS } });
    const attempt = await completeHostedPage(link.url);
    await eventually(
      async () =>
        (await fetch(`${base}/v1/results/${attempt.authId}`, { headers: { 'x-api-key': OPS } })).status ===
        200,
    );
    await fetch(`${base}/webhooks/argos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nope":1}',
    });

    expect((await fetch(`${base}/metrics`, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    const res = await fetch(`${base}/metrics`, { headers: { 'x-api-key': SCRAPER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(value(text, 'faceauth_tokens_total{event="minted"}')).toBe(2);
    expect(value(text, 'faceauth_tokens_total{event="revoked"}')).toBe(1);
    expect(value(text, 'faceauth_tokens_total{event="consumed"}')).toBe(1);
    expect(value(text, 'faceauth_webhooks_total{event="received"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'faceauth_webhooks_total{event="processed"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'faceauth_webhooks_total{event="rejected"}')).toBe(1);
    expect(
      value(text, 'faceauth_argos_calls_total{project="default",operation="getResult",outcome="success"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(text, 'faceauth_argos_circuit_state{project="default"}')).toBe(0);
    expect(
      value(
        text,
        'faceauth_http_request_duration_seconds_count{method="POST",route="/v1/links",status="201"}',
      ),
    ).toBe(2);
    expect(text).toContain('faceauth_cleanup_overdue');
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(attempt.authId);
  });
});
