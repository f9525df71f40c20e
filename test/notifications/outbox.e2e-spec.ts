import { NotificationError } from '@faceauth/notifications';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import {
  DEV_OPTIONS,
  NotificationsHarness,
  startNotifications,
  useNotificationsWithReceiver,
} from './notifications-harness';
import { WebhookReceiver } from './webhook-receiver';

describe.each(databasesUnderTest())('the notification outbox on %s', (kind) => {
  const env = useNotificationsWithReceiver(kind, {
    options: { ...DEV_OPTIONS, delivery: { timeoutMs: 1_000, leaseMs: 5_000 } },
  });

  it('writes the deliveries in the caller transaction: a rollback leaves none, a commit keeps them', async () => {
    const { endpoint } = await env.h.endpoints.create({ url: env.receiver.url() });
    await expect(
      env.h.dataSource.transaction(async (manager) => {
        const { deliveryIds } = await env.h.outbox.enqueue(manager, { type: 'link.created', data: { n: 1 } });
        expect(deliveryIds).toHaveLength(1);
        throw new Error('the producer fails');
      }),
    ).rejects.toThrow('the producer fails');
    expect((await env.h.endpoints.listDeliveries(endpoint.id)).items).toEqual([]);
    expect(await env.h.dispatcher.runOnce()).toBe(0);

    const committed = await env.h.dataSource.transaction((manager) =>
      env.h.outbox.enqueue(manager, { type: 'link.created', data: { n: 2 } }),
    );
    expect((await env.h.endpoints.listDeliveries(endpoint.id)).items.map((d) => d.id)).toEqual(
      committed.deliveryIds,
    );
    expect(await env.h.dispatcher.runOnce()).toBe(1);
    expect(env.receiver.receptions).toHaveLength(1);
  });

  it('writes an event with a stable key once per endpoint, however often its producer repeats it', async () => {
    // The endpoints are kept between events; a change made here is seen at once.
    expect(await env.h.outbox.hasSubscribers('link.created')).toBe(false);
    const { endpoint } = await env.h.endpoints.create({ url: env.receiver.url() });
    expect(await env.h.outbox.hasSubscribers('link.created')).toBe(true);
    const event = { type: 'link.created', data: { n: 3 }, key: `link:${kind}:approved` };
    const first = await env.h.outbox.enqueue(undefined, event);
    const again = await env.h.outbox.enqueue(undefined, event);
    expect(again.eventId).toBe(first.eventId);
    expect((await env.h.endpoints.listDeliveries(endpoint.id)).items).toHaveLength(1);
    expect(await env.h.outbox.backlog()).toEqual({ waiting: 1, oldestNextAttemptAt: env.h.clock.now() });
    const other = await env.h.outbox.enqueue(undefined, { ...event, key: `link:${kind}:revoked` });
    expect(other.eventId).not.toBe(first.eventId);
    expect((await env.h.endpoints.listDeliveries(endpoint.id)).items).toHaveLength(2);
  });

  it('refuses an event type that is not configured', async () => {
    await expect(env.h.outbox.enqueue(undefined, { type: 'nope', data: {} })).rejects.toThrow(
      NotificationError,
    );
  });

  it('claims again a delivery whose worker died, once its lease ran out (same webhook-id)', async () => {
    const { endpoint } = await env.h.endpoints.create({ url: env.receiver.url() });
    const { eventId } = await env.h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
    // A worker claims the row and dies before sending it.
    expect(await env.h.repository.claim(env.h.clock.now(), 5_000, 10)).toHaveLength(1);
    expect(await env.h.dispatcher.runOnce()).toBe(0);
    env.h.clock.advance(5_000);
    expect(await env.h.dispatcher.runOnce()).toBe(1);
    expect(env.receiver.receptions.map((r) => r.headers['webhook-id'])).toEqual([eventId]);
    expect((await env.h.endpoints.listDeliveries(endpoint.id)).items[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
  });

  it('manages endpoints: validation, update, listing deliveries newest first by cursor, replay, delete', async () => {
    for (const input of [
      { url: 'ftp://example.com/x' },
      { url: '/relative' },
      { url: `https://example.com/${'a'.repeat(2048)}` },
      { url: 'https://example.com', description: 'd'.repeat(201) },
      { url: 'https://example.com', eventTypes: ['unknown.type'] },
      { url: 'https://example.com', eventTypes: [] },
    ]) {
      await expect(env.h.endpoints.create(input)).rejects.toBeInstanceOf(NotificationError);
    }
    const { endpoint } = await env.h.endpoints.create({ url: env.receiver.url(), description: 'ops' });
    expect(endpoint).not.toHaveProperty('secret');
    expect(JSON.stringify(await env.h.endpoints.list())).not.toContain('whsec_');
    const updated = await env.h.endpoints.update(endpoint.id, {
      eventTypes: ['link.created'],
      description: null,
    });
    expect(updated).toMatchObject({ eventTypes: ['link.created'], description: null, enabled: true });
    expect((await env.h.outbox.enqueue(undefined, { type: 'link.expired', data: {} })).deliveryIds).toEqual(
      [],
    );

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(...(await env.h.outbox.enqueue(undefined, { type: 'link.created', data: { i } })).deliveryIds);
      env.h.clock.advance(1);
    }
    const first = await env.h.endpoints.listDeliveries(endpoint.id, { limit: 2 });
    const second = await env.h.endpoints.listDeliveries(endpoint.id, { limit: 2, cursor: first.nextCursor });
    const third = await env.h.endpoints.listDeliveries(endpoint.id, { limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((d) => d.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();

    await expect(env.h.endpoints.replay(ids[0])).rejects.toMatchObject({ code: 'DELIVERY_IN_PROGRESS' });
    expect(await env.h.dispatcher.runOnce()).toBe(5);
    const replayed = await env.h.endpoints.replay(ids[0]);
    expect(replayed).toMatchObject({ status: 'pending', attempts: 0, deliveredAt: null });
    expect(await env.h.dispatcher.runOnce()).toBe(1);
    const counts = env.receiver.countsById();
    expect(counts.get(replayed.eventId)).toBe(2);

    await env.h.endpoints.delete(endpoint.id);
    await expect(env.h.endpoints.get(endpoint.id)).rejects.toMatchObject({ code: 'ENDPOINT_NOT_FOUND' });
    await expect(env.h.endpoints.getDelivery(ids[1])).rejects.toMatchObject({ code: 'DELIVERY_NOT_FOUND' });
  });
});

const onPostgres = databasesUnderTest().includes('postgres') ? describe : describe.skip;

onPostgres('two dispatchers on one PostgreSQL database', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let a: NotificationsHarness;
  let b: NotificationsHarness;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    receiver = await new WebhookReceiver().start();
    const options = { ...DEV_OPTIONS, dispatcher: { autoStart: false, batchSize: 15, concurrency: 6 } };
    a = await startNotifications('postgres', { database, options });
    b = await startNotifications('postgres', { database, options, clock: a.clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await receiver.stop();
    await database.drop();
  });

  it('deliver each of 200 deliveries exactly once between them', async () => {
    const { endpoint } = await a.endpoints.create({ url: receiver.url() });
    const eventIds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      eventIds.add((await a.outbox.enqueue(undefined, { type: 'link.created', data: { i } })).eventId);
    }
    const [byA, byB] = await Promise.all([a.drain(), b.drain()]);
    expect(byA + byB).toBe(200);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    const counts = receiver.countsById();
    expect(counts.size).toBe(200);
    expect([...counts.keys()].sort()).toEqual([...eventIds].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const statuses = new Set<string>();
    for (let page = await a.endpoints.listDeliveries(endpoint.id, { limit: 200 }); ;) {
      page.items.forEach((d) => statuses.add(`${d.status}/${d.attempts}`));
      if (!page.nextCursor) break;
      page = await a.endpoints.listDeliveries(endpoint.id, { limit: 200, cursor: page.nextCursor });
    }
    expect([...statuses]).toEqual(['delivered/1']);
  });
});

describe.each(databasesUnderTest())('the dispatcher loop on %s', (kind) => {
  it('polls from bootstrap and stops on shutdown', async () => {
    const receiver = await new WebhookReceiver().start();
    const h = await startNotifications(kind, {
      options: { ...DEV_OPTIONS, dispatcher: { autoStart: true, pollIntervalMs: 20 } },
    });
    try {
      await h.endpoints.create({ url: receiver.url() });
      const { eventId } = await h.outbox.enqueue(undefined, { type: 'link.created', data: {} });
      for (let i = 0; i < 100 && receiver.receptions.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(receiver.receptions.map((r) => r.headers['webhook-id'])).toEqual([eventId]);
    } finally {
      await h.close();
      await receiver.stop();
    }
  });
});
