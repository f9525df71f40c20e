import { Webhook } from 'standardwebhooks';
import { databasesUnderTest } from '../support/test-databases';
import { DEV_OPTIONS, EVENT_TYPES, NotificationsHarness, startNotifications } from './notifications-harness';
import { WebhookReceiver } from './webhook-receiver';

const verifies = (secret: string, body: string, headers: Record<string, string>): boolean => {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
};

describe.each(databasesUnderTest())('signed outbound webhooks on %s', (kind) => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await receiver.stop();
  });
  beforeEach(() => receiver.reset());

  describe('development targets, default schedule', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotifications(kind, {
        options: { ...DEV_OPTIONS, secretOverlapMs: 60_000, delivery: { timeoutMs: 1_000, leaseMs: 5_000 } },
      });
    });
    afterAll(async () => {
      await h.close();
    });
    afterEach(async () => {
      for (const endpoint of await h.endpoints.list()) await h.endpoints.delete(endpoint.id);
    });

    it('signs each delivery so that the receiver verifies it with the endpoint secret', async () => {
      const { endpoint, secret } = await h.endpoints.create({
        url: receiver.url(),
        eventTypes: ['faceauth.result'],
      });
      const other = await h.endpoints.create({ url: receiver.url('/other'), eventTypes: ['link.expired'] });
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      const at = new Date('2026-03-01T10:00:00.000Z');
      const enqueued = await h.outbox.enqueue(undefined, {
        type: 'faceauth.result',
        data: { authId: 'a-1', status: 'approved' },
        timestamp: at,
      });
      expect(enqueued.eventId).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
      expect(enqueued.deliveryIds).toHaveLength(1);

      expect(await h.dispatcher.runOnce()).toBe(1);

      expect(receiver.receptions).toHaveLength(1);
      const [got] = receiver.receptions;
      expect(got.path).toBe('/hooks');
      expect(got.headers['content-type']).toBe('application/json');
      expect(got.headers['webhook-id']).toBe(enqueued.eventId);
      expect(got.headers['webhook-timestamp']).toBe(String(Math.floor(h.clock.now().getTime() / 1000)));
      expect(got.body).toBe(enqueued.payload);
      expect(new Webhook(secret).verify(got.body, got.headers)).toEqual({
        type: 'faceauth.result',
        timestamp: at.toISOString(),
        data: { authId: 'a-1', status: 'approved' },
      });
      const { items } = await h.endpoints.listDeliveries(endpoint.id);
      expect(items).toEqual([
        expect.objectContaining({
          status: 'delivered',
          attempts: 1,
          lastStatusCode: 200,
          responseExcerpt: 'ok',
        }),
      ]);
      expect((await h.endpoints.listDeliveries(other.endpoint.id)).items).toEqual([]);
      expect(await h.dispatcher.runOnce()).toBe(0);
    });

    it('retries a 500 after the schedule with the same webhook-id, and delivers', async () => {
      const { endpoint, secret } = await h.endpoints.create({ url: receiver.url() });
      receiver.respond = (_r, i) => (i === 0 ? { status: 500, body: 'boom' } : { status: 204 });
      const { eventId } = await h.outbox.enqueue(undefined, {
        type: 'link.expired',
        data: { linkId: 'l-1' },
      });

      expect(await h.dispatcher.runOnce()).toBe(1);
      let [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
      });
      expect(delivery.responseExcerpt).toBe('boom');
      // Schedule: 5 s ± 10 %.
      const wait = delivery.nextAttemptAt!.getTime() - h.clock.now().getTime();
      expect(wait).toBeGreaterThanOrEqual(4_500);
      expect(wait).toBeLessThanOrEqual(5_500);
      h.clock.advance(4_000);
      expect(await h.dispatcher.runOnce()).toBe(0);
      h.clock.advance(1_600);
      expect(await h.dispatcher.runOnce()).toBe(1);

      expect(receiver.receptions.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId]);
      expect(receiver.receptions[1].body).toBe(receiver.receptions[0].body);
      expect(verifies(secret, receiver.receptions[1].body, receiver.receptions[1].headers)).toBe(true);
      [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery).toMatchObject({
        status: 'delivered',
        attempts: 2,
        lastStatusCode: 204,
        lastError: null,
      });
    });

    it('during a rotation overlap, signs with both secrets; afterwards with the new one only', async () => {
      const { endpoint, secret: oldSecret } = await h.endpoints.create({ url: receiver.url() });
      const rotated = await h.endpoints.rotateSecret(endpoint.id);
      const newSecret = rotated.secret;
      expect(newSecret).not.toBe(oldSecret);
      expect(rotated.endpoint.previousSecretExpiresAt).toEqual(new Date(h.clock.now().getTime() + 60_000));

      await h.outbox.enqueue(undefined, { type: 'link.created', data: { n: 1 } });
      await h.dispatcher.runOnce();
      const during = receiver.receptions[0];
      expect(during.headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(during.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
      expect(verifies(oldSecret, during.body, during.headers)).toBe(true);
      expect(verifies(newSecret, during.body, during.headers)).toBe(true);

      h.clock.advance(60_001);
      await h.outbox.enqueue(undefined, { type: 'link.created', data: { n: 2 } });
      await h.dispatcher.runOnce();
      const after = receiver.receptions[1];
      expect(after.headers['webhook-signature'].split(' ')).toHaveLength(1);
      expect(verifies(newSecret, after.body, after.headers)).toBe(true);
      expect(verifies(oldSecret, after.body, after.headers)).toBe(false);
      expect((await h.endpoints.get(endpoint.id)).previousSecretExpiresAt).toBeNull();
    });

    it('does not follow a redirect: a 3xx is a failed attempt', async () => {
      const { endpoint } = await h.endpoints.create({ url: receiver.url() });
      receiver.respond = () => ({ status: 302, headers: { location: receiver.url('/elsewhere') } });
      await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      await h.dispatcher.runOnce();
      expect(receiver.receptions.map((r) => r.path)).toEqual(['/hooks']);
      const [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery).toMatchObject({
        status: 'pending',
        lastStatusCode: 302,
        lastError: 'redirect (HTTP 302) not followed',
      });
    });

    it('reads at most 256 bytes of the answer, and gives up on a receiver that does not answer', async () => {
      const { endpoint } = await h.endpoints.create({ url: receiver.url() });
      receiver.respond = () => ({ status: 200, body: 'x'.repeat(100_000) });
      await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      await h.dispatcher.runOnce();
      let [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery.status).toBe('delivered');
      expect(delivery.responseExcerpt).toBe('x'.repeat(256));

      receiver.respond = () => ({ status: 200, hang: true });
      h.clock.advance(1); // newest first
      await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      const started = Date.now();
      await h.dispatcher.runOnce();
      expect(Date.now() - started).toBeLessThan(3_000);
      [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery).toMatchObject({
        status: 'pending',
        lastStatusCode: null,
        lastError: 'timeout after 1000 ms',
      });
    });
  });

  describe('a spent schedule', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotifications(kind, {
        options: {
          ...DEV_OPTIONS,
          delivery: { retryScheduleMs: [1_000], jitter: 0, disableEndpointAfter: 2 },
        },
      });
    });
    afterAll(async () => {
      await h.close();
    });

    it('fails a delivery after its last attempt, and disables the endpoint after a run of failed deliveries', async () => {
      const { endpoint } = await h.endpoints.create({ url: receiver.url() });
      receiver.respond = () => ({ status: 503 });
      await h.outbox.enqueue(undefined, { type: 'link.created', data: { n: 1 } });
      expect(await h.dispatcher.runOnce()).toBe(1);
      h.clock.advance(1_000);
      expect(await h.dispatcher.runOnce()).toBe(1);
      let page = await h.endpoints.listDeliveries(endpoint.id);
      expect(page.items[0]).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastStatusCode: 503,
        nextAttemptAt: null,
      });
      expect(await h.endpoints.get(endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 1 });

      await h.outbox.enqueue(undefined, { type: 'link.created', data: { n: 2 } });
      await h.dispatcher.runOnce();
      h.clock.advance(1_000);
      await h.dispatcher.runOnce();
      const disabled = await h.endpoints.get(endpoint.id);
      expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 2 });
      expect(disabled.disabledReason).toBe('disabled after 2 failed deliveries in a row (last: HTTP 503)');
      expect(receiver.receptions).toHaveLength(4);

      // A disabled endpoint gets no new deliveries.
      expect(
        (await h.outbox.enqueue(undefined, { type: 'link.created', data: { n: 3 } })).deliveryIds,
      ).toEqual([]);

      // Re-enabled: the run starts over; a replay of a failed delivery is a new series with the same id.
      receiver.respond = () => ({ status: 200 });
      expect(await h.endpoints.update(endpoint.id, { enabled: true })).toMatchObject({
        enabled: true,
        consecutiveFailures: 0,
        disabledReason: null,
      });
      page = await h.endpoints.listDeliveries(endpoint.id);
      const failed = page.items[1];
      const replayed = await h.endpoints.replay(failed.id);
      expect(replayed).toMatchObject({ status: 'pending', attempts: 0, eventId: failed.eventId });
      expect(await h.dispatcher.runOnce()).toBe(1);
      expect(receiver.receptions[4].headers['webhook-id']).toBe(failed.eventId);
      expect(await h.endpoints.getDelivery(failed.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    });
  });

  describe('production targets', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotifications(kind, {
        options: { eventTypes: EVENT_TYPES, dispatcher: { autoStart: false } },
      });
    });
    afterAll(async () => {
      await h.close();
    });

    it.each([
      ['http://127.0.0.1 (receiver)', () => receiver.url(), 'plain http is not allowed'],
      ['http://10.0.0.1', () => 'http://10.0.0.1/hooks', 'plain http is not allowed'],
      ['https://10.0.0.1', () => 'https://10.0.0.1/hooks', 'loopback, private, link-local or shared address'],
      ['https://169.254.169.254', () => 'https://169.254.169.254/latest/meta-data', 'loopback, private'],
      ['https://localhost', () => `https://localhost:${receiver.port}/hooks`, 'loopback, private'],
      ['https://[::1]', () => `https://[::1]:${receiver.port}/hooks`, 'loopback, private'],
    ])('refuses %s, sending nothing', async (_name, url, reason) => {
      const { endpoint } = await h.endpoints.create({ url: url() });
      await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      expect(await h.dispatcher.runOnce()).toBe(1);
      expect(receiver.receptions).toEqual([]);
      const [delivery] = (await h.endpoints.listDeliveries(endpoint.id)).items;
      expect(delivery.status).toBe('pending');
      expect(delivery.lastError).toContain(`target refused: ${reason}`);
      await h.endpoints.delete(endpoint.id);
    });
  });

  describe('a host name checked once and pinned', () => {
    let h: NotificationsHarness;
    const lookups: string[] = [];
    beforeAll(async () => {
      h = await startNotifications(kind, {
        // Only this resolver knows receiver.test: the connection must use its answer, not the system's.
        resolver: async (host) => {
          lookups.push(host);
          return [{ address: '127.0.0.1', family: 4 }];
        },
      });
    });
    afterAll(async () => {
      await h.close();
    });

    it('connects to the address the policy checked, with the endpoint host name in the Host header', async () => {
      const { secret } = await h.endpoints.create({ url: `http://receiver.test:${receiver.port}/pinned` });
      await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      await h.dispatcher.runOnce();
      expect(lookups).toEqual(['receiver.test']);
      expect(receiver.receptions).toHaveLength(1);
      expect(receiver.receptions[0].headers.host).toBe(`receiver.test:${receiver.port}`);
      expect(verifies(secret, receiver.receptions[0].body, receiver.receptions[0].headers)).toBe(true);
    });
  });
});
