import { Webhook } from 'standardwebhooks';
import { databasesUnderTest } from '../support/test-databases';
import { NotificationsHarness, startNotifications } from './notifications-harness';
import { WebhookReceiver } from './webhook-receiver';

const MINUTE = 60_000;
const OUTAGE_MS = 60 * MINUTE;
const EVENT_EVERY_MS = 3 * MINUTE;
const STEP_MS = 30_000;

/**
 * Issue 20, acceptance 2: the receiver is down (its port refuses connections) for a simulated hour while events
 * keep coming; the dispatcher runs on the injected clock, retrying on the default schedule (5 s, 5 min, 30 min,
 * 2 h …). Once it is back, every event is delivered, each `webhook-id` once or more, none lost, none `failed`,
 * and the endpoint stays enabled.
 */
describe.each(databasesUnderTest())('a receiver down for an hour on %s', (kind) => {
  let h: NotificationsHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    h = await startNotifications(kind);
  });
  afterAll(async () => {
    await h.close();
    await receiver.stop();
  });

  it('delivers every event after it returns', async () => {
    const port = receiver.port;
    const { endpoint, secret } = await h.endpoints.create({ url: receiver.url() });
    await receiver.stop();

    const sent = new Set<string>(); // webhook-ids
    let attemptsWhileDown = 0;
    for (let elapsed = 0; elapsed < OUTAGE_MS; elapsed += STEP_MS) {
      if (elapsed % EVENT_EVERY_MS === 0) {
        const { eventId } = await h.outbox.enqueue(undefined, {
          type: 'link.created',
          data: { n: sent.size },
        });
        sent.add(eventId);
      }
      attemptsWhileDown += await h.drain();
      h.clock.advance(STEP_MS);
    }
    expect(sent.size).toBe(OUTAGE_MS / EVENT_EVERY_MS);
    expect(receiver.receptions).toEqual([]);
    // Each event was tried and retried while the receiver was away.
    expect(attemptsWhileDown).toBeGreaterThan(2 * sent.size);
    const during = await statusCounts(h);
    expect(during).toEqual({ pending: sent.size });

    await receiver.start(port);
    const backAt = h.clock.now().getTime();
    // The longest wait in flight is the 2 h before a fifth attempt (± 10 %).
    while (h.clock.now().getTime() - backAt < 3 * 60 * MINUTE) {
      await h.drain();
      if ((await statusCounts(h)).delivered === sent.size) break;
      h.clock.advance(STEP_MS);
    }

    expect(await statusCounts(h)).toEqual({ delivered: sent.size });
    const received = receiver.countsById();
    expect([...received.keys()].sort()).toEqual([...sent.keys()].sort());
    for (const count of received.values()) expect(count).toBeGreaterThanOrEqual(1);
    const signer = new Webhook(secret);
    for (const r of receiver.receptions) {
      const at = new Date(Number(r.headers['webhook-timestamp']) * 1000);
      expect(r.headers['webhook-signature']).toBe(signer.sign(r.headers['webhook-id'], at, r.body));
      expect(at.getTime()).toBeGreaterThanOrEqual(Math.floor(backAt / 1000) * 1000);
    }
    // The first events were tried at 0, 5 s, 5 min and 35 min, and delivered by the fifth attempt.
    const [{ n: mostAttempts }] = await h.dataSource.query(
      'SELECT MAX(attempts) AS n FROM faceauth_notification_outbox',
    );
    expect(Number(mostAttempts)).toBe(5);
    expect(await h.endpoints.get(endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  }, 120_000);
});

async function statusCounts(h: NotificationsHarness): Promise<Record<string, number>> {
  const rows: Array<{ status: string; n: number | string }> = await h.dataSource.query(
    'SELECT status, COUNT(*) AS n FROM faceauth_notification_outbox GROUP BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
