import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { NotificationDispatcher, NotificationEndpointService } from '@faceauth/notifications';
import { OutcomeSweeper } from '@faceauth/token-policy';
import { ApiHarness } from '../support/api-harness';
import {
  APPROVED_SUBMISSION,
  completeHostedPage,
  eventually,
  SandboxedApi,
  startSandboxedApi,
} from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';
import { Reception, WebhookReceiver } from './webhook-receiver';

const OPS = 'outcome-delivery-operator-secret-1';
const PID = 'outcome-delivery-project';
const ARGOS_KEY = 'outcome-delivery-api-key';

interface Event {
  type: string;
  timestamp: string;
  data: { link: Record<string, unknown> | null; result?: Record<string, unknown> | null };
}

/**
 * The acceptance, end to end over real HTTP: a link minted with the company's context and completed
 * at the sandbox sends one signed `faceauth.link.approved` to the company's receiver, which verifies it with
 * the `standardwebhooks` library; the used link's long URL opened again sends
 * `faceauth.result.policy_violation` and no second outcome; a revocation sends `faceauth.link.revoked`.
 */
describe.each(databasesUnderTest())('outbound webhooks of link outcomes on %s', (kind) => {
  let journey: SandboxedApi;
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    journey = await startSandboxedApi(kind, {
      project: { pid: PID, apiKey: ARGOS_KEY, tokenExpiration: { mode: 'off' } },
      operatorKey: OPS,
    });
    ({ api } = journey);
    ({ secret } = await api.app.get(NotificationEndpointService).create({ url: receiver.url() }));
  });
  afterAll(async () => {
    await journey?.close();
    await receiver?.stop();
  });

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await api.app.inject({ method, url, headers: { 'x-api-key': OPS }, payload });
    return { status: res.statusCode, body: res.json() };
  };
  /** Every reception verified with the library, as a receiver would. */
  const verified = (): { reception: Reception; event: Event }[] =>
    receiver.receptions.map((reception) => ({
      reception,
      event: new Webhook(secret).verify(reception.body, reception.headers) as Event,
    }));
  const received = (type: string, linkId: string) =>
    verified().filter(({ event }) => event.type === type && event.data.link?.id === linkId);
  const deliver = async (type: string, linkId: string) =>
    eventually(async () => {
      await api.app.get(NotificationDispatcher).runOnce();
      return received(type, linkId)[0];
    });

  it('sends one signed approval, and a policy violation for the replayed URL', async () => {
    const minted = await call('POST', '/v1/links', {
      sid: APPROVED_SUBMISSION,
      clientReference: `order-${kind}-77`,
      metadata: { amount: '12.00' },
    });
    expect(minted.status).toBe(201);
    const first = await completeHostedPage(minted.body.url);

    const approved = await deliver('faceauth.link.approved', minted.body.id);
    expect(approved.event.data.link).toMatchObject({
      clientReference: `order-${kind}-77`,
      metadata: { amount: '12.00' },
      outcome: { status: 'approved', authId: first.authId },
    });
    expect(approved.event.data.result).toMatchObject({ authId: first.authId, policyViolation: null });
    expect(JSON.stringify(approved.event)).not.toContain(minted.body.token);
    expect(approved.reception.headers['webhook-id']).toMatch(/^msg_/);
    const stored = await deliver('faceauth.result.stored', minted.body.id);
    expect(stored.event.data.result).toMatchObject({ authId: first.authId });

    const replay = await completeHostedPage(minted.body.url);
    const violation = await deliver('faceauth.result.policy_violation', minted.body.id);
    expect(violation.event.data.result).toMatchObject({ authId: replay.authId, policyViolation: 'used' });
    expect(violation.event.data.link).toMatchObject({
      outcome: { status: 'approved', authId: first.authId },
    });
    expect(received('faceauth.link.approved', minted.body.id)).toHaveLength(1);
    // Each event once per endpoint: distinct webhook-ids, each received once.
    expect([...receiver.countsById().values()].every((n) => n === 1)).toBe(true);
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': OPS } });
    const delivered = /faceauth_notifications_total\{event="delivered"\} (\d+)/.exec(metrics.body)?.[1];
    expect(Number(delivered)).toBeGreaterThanOrEqual(3);
    // Everything was delivered: nothing waits in the outbox.
    expect(metrics.body).toMatch(/^faceauth_notifications_backlog 0$/m);
  });

  it('sends the expiry of a link that was never completed, once, when the sweep records it', async () => {
    const minted = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION, expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await api.app.get(OutcomeSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const expired = await deliver('faceauth.link.expired', minted.body.id);
    expect(expired.event.data.link).toMatchObject({
      outcome: { status: 'expired', reason: 'link_expired', decidedAt: minted.body.expiresAt },
    });
    await api.app.get(OutcomeSweeper).sweep();
    await api.app.get(NotificationDispatcher).runOnce();
    expect(received('faceauth.link.expired', minted.body.id)).toHaveLength(1);
  });

  it('sends the revocation once, however often the link is revoked', async () => {
    const minted = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION });
    expect((await call('DELETE', `/v1/links/${minted.body.id}`)).status).toBe(200);
    expect((await call('DELETE', `/v1/links/${minted.body.id}`)).status).toBe(200);
    const revoked = await deliver('faceauth.link.revoked', minted.body.id);
    expect(revoked.event.data.link).toMatchObject({ outcome: { status: 'revoked', reason: 'revoked' } });
    await api.app.get(NotificationDispatcher).runOnce();
    expect(received('faceauth.link.revoked', minted.body.id)).toHaveLength(1);
  });

  it('announces the expiry a revocation finds, when the sweep had not recorded it yet', async () => {
    const minted = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION, expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const revoked = await call('DELETE', `/v1/links/${minted.body.id}`);
    expect(revoked.body.outcome).toMatchObject({ status: 'expired', decidedAt: minted.body.expiresAt });
    const expired = await deliver('faceauth.link.expired', minted.body.id);
    expect(expired.event.data.link).toMatchObject({ outcome: { status: 'expired', reason: 'link_expired' } });
    expect(await api.app.get(OutcomeSweeper).sweep()).toBe(0);
  });

  describe('the outbox refusing its rows', () => {
    const dataSource = () => api.app.get(DataSource);
    beforeEach(async () => {
      if (kind === 'postgres') {
        await dataSource().query(
          `CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$ LANGUAGE plpgsql`,
        );
        await dataSource().query(
          'CREATE TRIGGER refuse_outbox BEFORE INSERT ON faceauth_notification_outbox FOR EACH ROW EXECUTE FUNCTION refuse_outbox()',
        );
      } else {
        await dataSource().query(
          "CREATE TRIGGER refuse_outbox BEFORE INSERT ON faceauth_notification_outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END",
        );
      }
    });
    afterEach(async () => {
      await dataSource().query(
        'DROP TRIGGER IF EXISTS refuse_outbox' +
          (kind === 'postgres' ? ' ON faceauth_notification_outbox' : ''),
      );
      if (kind === 'postgres') await dataSource().query('DROP FUNCTION IF EXISTS refuse_outbox()');
    });

    it('keeps no approval decided from a webhook without its announcement; the retry decides it', async () => {
      const minted = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION });
      const { authId } = await completeHostedPage(minted.body.url);
      // The inbox row was tried (and failed at the outbox): nothing of its decision is kept.
      const tried = (sql: string) =>
        dataSource().query(sql.replace('$1', kind === 'postgres' ? '$1' : '?'), [authId]);
      await eventually(async () => {
        const [row] = await tried('SELECT attempts FROM faceauth_webhook_inbox WHERE auth_id = $1');
        return row && Number(row.attempts) >= 1;
      });
      expect((await call('GET', `/v1/links/${minted.body.id}`)).body.outcome.status).toBe('pending');

      await dataSource().query(
        'DROP TRIGGER refuse_outbox' + (kind === 'postgres' ? ' ON faceauth_notification_outbox' : ''),
      );
      await tried('UPDATE faceauth_webhook_inbox SET next_attempt_at = 0 WHERE auth_id = $1');
      const approved = await deliver('faceauth.link.approved', minted.body.id);
      expect(approved.event.data.link).toMatchObject({ outcome: { status: 'approved', authId } });
      expect((await call('GET', `/v1/links/${minted.body.id}`)).body.outcome).toMatchObject({
        status: 'approved',
        authId,
      });
    });

    it('keeps neither a revocation nor an expiry without its announcement', async () => {
      const toRevoke = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION });
      const toExpire = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION, expiresInSeconds: 1 });
      await new Promise((resolve) => setTimeout(resolve, 1_100));

      expect((await call('DELETE', `/v1/links/${toRevoke.body.id}`)).status).toBeGreaterThanOrEqual(500);
      await expect(api.app.get(OutcomeSweeper).sweep()).rejects.toBeDefined();
      const stored: Array<{ id: string; revoked_at: unknown; outcome_status: string }> =
        await dataSource().query(
          'SELECT id, revoked_at, outcome_status FROM faceauth_tokens WHERE id IN ($1, $2)'.replace(
            /\$\d/g,
            kind === 'postgres' ? (m) => m : () => '?',
          ),
          [toRevoke.body.id, toExpire.body.id],
        );
      expect(stored.map((r) => [r.revoked_at, r.outcome_status])).toEqual([
        [null, 'pending'],
        [null, 'pending'],
      ]);

      await dataSource().query(
        'DROP TRIGGER refuse_outbox' + (kind === 'postgres' ? ' ON faceauth_notification_outbox' : ''),
      );
      expect((await call('DELETE', `/v1/links/${toRevoke.body.id}`)).body.outcome.status).toBe('revoked');
      expect(await api.app.get(OutcomeSweeper).sweep()).toBeGreaterThanOrEqual(1);
      await deliver('faceauth.link.revoked', toRevoke.body.id);
      await deliver('faceauth.link.expired', toExpire.body.id);
    });
  });
});
