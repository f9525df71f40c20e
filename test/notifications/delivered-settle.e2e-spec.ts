import { AtomicWork, RawSql } from '@faceauth/core';
import { databasesUnderTest } from '../support/test-databases';
import {
  DEV_OPTIONS,
  enqueueResults,
  NotificationsHarness,
  startNotifications,
} from './notifications-harness';
import { WebhookReceiver } from './webhook-receiver';

/** The texts of one atomic unit that ran, in order. */
type ObservedUnit = string[];

const DELIVERED = /SET status = 'delivered'/;

/**
 * Issue on performance (deliveries): the dispatcher settles a batch's delivered attempts in groups of 16, each
 * group's UPDATEs in one transaction, instead of one autocommit UPDATE per delivery; each UPDATE still checks
 * that this worker holds the row's lease.
 */
describe.each(databasesUnderTest())('delivered attempts settled in groups on %s', (kind) => {
  let receiver: WebhookReceiver;
  let h: NotificationsHarness;
  const units: ObservedUnit[] = [];
  const atomic = RawSql.prototype.atomic;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    h = await startNotifications(kind, {
      options: { ...DEV_OPTIONS, delivery: { timeoutMs: 2_000, leaseMs: 30_000 } },
    });
    RawSql.prototype.atomic = function observed<T>(this: RawSql, work: AtomicWork<T>): Promise<T> {
      const unit: ObservedUnit = [];
      units.push(unit);
      return atomic.call(this, function* () {
        const steps = work();
        let step = steps.next();
        while (!step.done) {
          unit.push(step.value.text);
          step = steps.next(yield step.value);
        }
        return step.value;
      }) as Promise<T>;
    };
  });
  afterAll(async () => {
    RawSql.prototype.atomic = atomic;
    await h.close();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.reset();
    units.length = 0;
  });
  afterEach(async () => {
    for (const endpoint of await h.endpoints.list()) await h.endpoints.delete(endpoint.id);
  });

  const enqueue = (n: number, tag: string) => enqueueResults(h, n, tag);
  const statuses = async (endpointId: string) =>
    (await h.endpoints.listDeliveries(endpointId, { limit: 100 })).items.map((d) => d.status).sort();

  it('writes 40 delivered attempts in three transactions of 16, 16 and 8 UPDATEs', async () => {
    const { endpoint } = await h.endpoints.create({ url: receiver.url(), eventTypes: ['faceauth.result'] });
    await enqueue(40, `group-${kind}`);
    units.length = 0;

    expect(await h.dispatcher.runOnce()).toBe(40);

    expect(receiver.receptions).toHaveLength(40);
    expect(await statuses(endpoint.id)).toEqual(Array(40).fill('delivered'));
    const settles = units.filter((texts) => texts.some((t) => DELIVERED.test(t)));
    expect(settles.map((texts) => texts.filter((t) => DELIVERED.test(t)).length)).toEqual([16, 16, 8]);
    // Only the settle statements in those units.
    expect(settles.flat().every((t) => DELIVERED.test(t))).toBe(true);
    expect(await h.dispatcher.runOnce()).toBe(0);
  });

  it('does not settle a delivery whose lease another worker took meanwhile, and settles the others', async () => {
    const { endpoint } = await h.endpoints.create({ url: receiver.url(), eventTypes: ['faceauth.result'] });
    await enqueue(3, `lease-${kind}`);
    const stolenLease = Date.now() + 3_600_000;
    let stolenId: string | null = null;
    let groups = 0;
    const deliveredAll = h.repository.deliveredAll.bind(h.repository);
    const spy = jest.spyOn(h.repository, 'deliveredAll').mockImplementation(async (settlements) => {
      groups++;
      // Another worker claims the first one again before this worker's group is written.
      stolenId = settlements[0].row.id;
      await h.dataSource.query(
        kind === 'postgres'
          ? 'UPDATE faceauth_notification_outbox SET locked_until = $1 WHERE id = $2'
          : 'UPDATE faceauth_notification_outbox SET locked_until = ? WHERE id = ?',
        [stolenLease, stolenId],
      );
      const held = await deliveredAll(settlements);
      expect(held).toBe(settlements.length - 1);
      return held;
    });
    try {
      expect(await h.dispatcher.runOnce()).toBe(3);
    } finally {
      spy.mockRestore();
    }

    expect(groups).toBe(1);
    expect(receiver.receptions).toHaveLength(3);
    expect(await statuses(endpoint.id)).toEqual(['delivered', 'delivered', 'delivering']);
    const stolen = await h.repository.findDelivery(stolenId!);
    expect(stolen).toMatchObject({ status: 'delivering', deliveredAt: null });
    expect(stolen?.lockedUntil?.getTime()).toBe(stolenLease);
  });

  it('leaves a group whose transaction fails leased, to be sent again once the lease runs out', async () => {
    const { endpoint } = await h.endpoints.create({ url: receiver.url(), eventTypes: ['faceauth.result'] });
    await enqueue(2, `fail-${kind}`);
    const spy = jest
      .spyOn(h.repository, 'deliveredAll')
      .mockRejectedValueOnce(new Error('a settle that fails'));
    try {
      expect(await h.dispatcher.runOnce()).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(await statuses(endpoint.id)).toEqual(['delivering', 'delivering']);

    // The lease runs out: the same deliveries are claimed and sent again, with the same webhook-id.
    h.clock.advance(30_001);
    expect(await h.dispatcher.runOnce()).toBe(2);
    expect(await statuses(endpoint.id)).toEqual(['delivered', 'delivered']);
    expect([...receiver.countsById().values()]).toEqual([2, 2]);
  });
});
