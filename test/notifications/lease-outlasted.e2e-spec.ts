import { databasesUnderTest } from '../support/test-databases';
import {
  DEV_OPTIONS,
  enqueueResults,
  NotificationsHarness,
  startNotifications,
} from './notifications-harness';
import { WebhookReceiver } from './webhook-receiver';

/**
 * A batch that outlasts its lease: with 50 rows claimed, 8 at a time and a 10 s timeout, a batch can run 70 s
 * against a 60 s lease, and another worker may claim its last rows again while this one is still sending them.
 * The dispatcher starts an attempt after the first wave only while the lease still covers a whole attempt
 * (timeout) and its settle (1 s); the rows it had no time for are given back (pending, their claim's attempt
 * count taken back) and the next claim sends them, each once.
 */
describe.each(databasesUnderTest())('a dispatcher batch that outlasts its lease on %s', (kind) => {
  let receiver: WebhookReceiver;
  let h: NotificationsHarness;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    h = await startNotifications(kind, {
      options: {
        ...DEV_OPTIONS,
        delivery: { timeoutMs: 2_000, leaseMs: 4_000 },
        dispatcher: { autoStart: false, batchSize: 6, concurrency: 2 },
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await receiver.stop();
  });
  beforeEach(() => receiver.reset());
  afterEach(async () => {
    for (const endpoint of await h.endpoints.list()) await h.endpoints.delete(endpoint.id);
  });

  const enqueue = (n: number, tag: string) => enqueueResults(h, n, tag);
  const deliveries = async (endpointId: string) =>
    (await h.endpoints.listDeliveries(endpointId, { limit: 100 })).items;

  it('gives back the rows it has no lease left for, and the next claim sends each of them once', async () => {
    const { endpoint } = await h.endpoints.create({ url: receiver.url(), eventTypes: ['faceauth.result'] });
    await enqueue(6, `outlast-${kind}`);
    // The first attempt takes 1.2 s of the 4 s lease: 1.2 + 2 (timeout) + 1 (settle) > 4, so nothing after the
    // first wave (2 rows) may start.
    receiver.respond = (_reception, index) => {
      if (index === 0) h.clock.advance(1_200);
      return { status: 200, body: 'ok' };
    };

    expect(await h.dispatcher.runOnce()).toBe(6);

    expect(receiver.receptions).toHaveLength(2);
    const first = await deliveries(endpoint.id);
    expect(first.filter((d) => d.status === 'delivered')).toHaveLength(2);
    const givenBack = first.filter((d) => d.status !== 'delivered');
    expect(givenBack).toHaveLength(4);
    // Due again at once, as if never claimed: no attempt counted, no lease held.
    for (const d of givenBack) {
      expect(d).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await h.repository.findDelivery(d.id))?.lockedUntil).toBeNull();
    }

    // The next claim (no time passes) sends the four, with a fresh lease.
    expect(await h.dispatcher.runOnce()).toBe(4);
    expect(await h.dispatcher.runOnce()).toBe(0);
    const after = await deliveries(endpoint.id);
    expect(after.map((d) => d.status)).toEqual(Array(6).fill('delivered'));
    expect(after.map((d) => d.attempts)).toEqual(Array(6).fill(1));
    expect([...receiver.countsById().values()]).toEqual(Array(6).fill(1));
  });

  it('always starts the first wave, even when the lease is no longer than the timeout', async () => {
    const tight = await startNotifications(kind, {
      database: h.database,
      clock: h.clock,
      options: {
        ...DEV_OPTIONS,
        delivery: { timeoutMs: 2_000, leaseMs: 2_000 },
        dispatcher: { autoStart: false, batchSize: 2, concurrency: 2 },
      },
    });
    try {
      const { endpoint } = await tight.endpoints.create({
        url: receiver.url(),
        eventTypes: ['faceauth.result'],
      });
      await enqueue(2, `tight-${kind}`);

      expect(await tight.dispatcher.runOnce()).toBe(2);

      expect(receiver.receptions).toHaveLength(2);
      expect((await deliveries(endpoint.id)).map((d) => d.status)).toEqual(['delivered', 'delivered']);
    } finally {
      await tight.close();
    }
  });
});
