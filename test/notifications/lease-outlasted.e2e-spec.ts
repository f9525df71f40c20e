import { databasesUnderTest } from '../support/test-databases';
import {
  DEV_OPTIONS,
  enqueueResults,
  startNotifications,
  useNotificationsWithReceiver,
} from './notifications-harness';

/**
 * A batch that outlasts its lease: with 50 rows claimed, 8 at a time and a 10 s timeout, a batch could run 70 s
 * against a 60 s lease, and another worker could claim its last rows again while this one was still sending them.
 * A claim now takes no more rows than it can attempt within the lease if every attempt timed out
 * (concurrency × ⌊(lease − 1 s) / timeout⌋), and an attempt after the first wave starts only while the lease
 * still covers its timeout and the 1 s settle wait; a row it has no time for is given back (pending, the claim's
 * attempt count taken back) and the next claim sends it, once.
 */
describe.each(databasesUnderTest())('a dispatcher batch that outlasts its lease on %s', (kind) => {
  const env = useNotificationsWithReceiver(kind, {
    options: {
      ...DEV_OPTIONS,
      // 2 × ⌊(6 − 1) / 2⌋ = 4 rows per claim (of a batch size of 6): two waves.
      delivery: { timeoutMs: 2_000, leaseMs: 6_000 },
      dispatcher: { autoStart: false, batchSize: 6, concurrency: 2 },
    },
  });

  const enqueue = (n: number, tag: string) => enqueueResults(env.h, n, tag);
  const deliveries = async (endpointId: string) =>
    (await env.h.endpoints.listDeliveries(endpointId, { limit: 100 })).items;

  it('gives back the rows it has no lease left for, and the next claim sends each of them once', async () => {
    const { endpoint } = await env.h.endpoints.create({
      url: env.receiver.url(),
      eventTypes: ['faceauth.result'],
    });
    await enqueue(6, `outlast-${kind}`);
    // The first attempt takes 3.2 s of the 6 s lease: 3.2 + 2 (timeout) + 1 (settle) > 6, so the second wave
    // (2 rows) may not start.
    env.receiver.respond = (_reception, index) => {
      if (index === 0) env.h.clock.advance(3_200);
      return { status: 200, body: 'ok' };
    };

    expect(await env.h.dispatcher.runOnce()).toBe(4);

    expect(env.receiver.receptions).toHaveLength(2);
    const first = await deliveries(endpoint.id);
    expect(first.filter((d) => d.status === 'delivered')).toHaveLength(2);
    const waiting = first.filter((d) => d.status !== 'delivered');
    expect(waiting).toHaveLength(4);
    // The two given back are due again at once, as if never claimed (no attempt counted, no lease held), like
    // the two the claim did not take.
    for (const d of waiting) {
      expect(d).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await env.h.repository.findDelivery(d.id))?.lockedUntil).toBeNull();
    }

    // The next claim (no time passes) sends the four, with a fresh lease.
    expect(await env.h.dispatcher.runOnce()).toBe(4);
    expect(await env.h.dispatcher.runOnce()).toBe(0);
    const after = await deliveries(endpoint.id);
    expect(after.map((d) => d.status)).toEqual(Array(6).fill('delivered'));
    expect(after.map((d) => d.attempts)).toEqual(Array(6).fill(1));
    expect([...env.receiver.countsById().values()]).toEqual(Array(6).fill(1));
  });

  it('claims one wave when the lease holds no more, and always starts it', async () => {
    const tight = await startNotifications(kind, {
      database: env.h.database,
      clock: env.h.clock,
      options: {
        ...DEV_OPTIONS,
        delivery: { timeoutMs: 2_000, leaseMs: 2_000 },
        dispatcher: { autoStart: false, batchSize: 6, concurrency: 2 },
      },
    });
    try {
      const { endpoint } = await tight.endpoints.create({
        url: env.receiver.url(),
        eventTypes: ['faceauth.result'],
      });
      await enqueue(6, `tight-${kind}`);

      // A lease no longer than the timeout holds one wave: 2 of the 6 are claimed, and both are sent.
      expect(await tight.dispatcher.runOnce()).toBe(2);
      expect(env.receiver.receptions).toHaveLength(2);
      expect(await tight.drain()).toBe(4);
      expect((await deliveries(endpoint.id)).map((d) => d.status)).toEqual(Array(6).fill('delivered'));
      expect([...env.receiver.countsById().values()]).toEqual(Array(6).fill(1));
    } finally {
      await tight.close();
    }
  });
});
