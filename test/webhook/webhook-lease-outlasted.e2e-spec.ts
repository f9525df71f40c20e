import { ManualClock, SqlSteps } from '@faceauth/core';
import { WebhookInboxRepository, WebhookProcessor } from '@faceauth/webhook';
import { databasesUnderTest } from '../support/test-databases';
import { buildRecord } from '../vendor-contract/fixtures/faceauth-records.fixture';
import { buildFaceAuthWebhookV3 } from '../vendor-contract/fixtures/faceauth-webhook.fixture';
import { startVendorJourney, VendorJourney } from '../vendor-contract/support/vendor-journey';

const LEASE_MS = 60_000;
/**
 * What one chunk of verification look-ups takes here. A chunk starts only while the lease still covers the Argos
 * call deadline (30 s) and a 5 s margin, i.e. in the first 25 s of a 60 s lease: chunks start at 0, 11 and 22 s, a
 * fourth (33 s) does not.
 */
const CHUNK_MS = 11_000;

/**
 * A slow Argos: every verification look-up of a claimed batch takes a while (50 rows, 4 at a time, 10 s each
 * would be 130 s against the default 60 s lease). The processor starts another chunk of a batch only while its
 * lease covers a chunk's worst case and gives the rest back at once, so that every row it marks done is marked
 * while its lease holds (no other worker can have claimed it meanwhile), and no look-up is repeated.
 */
describe.each(databasesUnderTest())('a webhook batch that outlasts its lease on %s', (kind) => {
  // The processor's chunk: 4 rows at a time on PostgreSQL, one on SQLite (one writer).
  const chunk = kind === 'postgres' ? 4 : 1;
  const clock = new ManualClock(Date.UTC(2026, 11, 1));
  let journey: VendorJourney;

  beforeAll(async () => {
    journey = await startVendorJourney(kind, {
      clock,
      env: { WEBHOOK_VERIFICATION_RATE_PER_SECOND: '10000', WEBHOOK_LEASE_MS: String(LEASE_MS) },
    });
  });
  afterAll(() => journey?.close());

  it('processes the chunks its lease covers, gives back the rest, and marks every row done within its lease', async () => {
    const rows = 6 * chunk;
    const ids = Array.from({ length: rows }, (_, i) => `lease-half-${kind}-${i}`);
    for (const authId of ids) {
      journey.argos.putRecord(
        buildRecord({ authId, submissionId: 'sub-lease', createTime: clock.now().toISOString() }),
      );
      await journey.drive.post(
        buildFaceAuthWebhookV3({
          authId,
          submissionId: 'sub-lease',
          status: 'approved',
          createTime: clock.now().toISOString(),
        }),
      );
    }

    const processor = journey.api.app.get(WebhookProcessor);
    const inbox = journey.api.app.get(WebhookInboxRepository);
    // Each row's verification (its look-up at the fixture server) takes CHUNK_MS / chunk of the clock.
    const handler = (processor as unknown as { handler: { prepare(row: unknown): Promise<unknown> } })
      .handler;
    const prepare = handler.prepare.bind(handler);
    const slow = jest.spyOn(handler, 'prepare').mockImplementation(async (row) => {
      const plan = await prepare(row);
      clock.advance(CHUNK_MS / chunk);
      return plan;
    });
    // When each row is marked done, against the lease its claim set.
    const marked: { leaseEnd: number; at: number }[] = [];
    const completeSteps = inbox.completeSteps.bind(inbox);
    const complete = jest
      .spyOn(inbox, 'completeSteps')
      .mockImplementation(function* (row, now, project): SqlSteps<boolean> {
        marked.push({ leaseEnd: row.lockedUntil?.getTime() ?? Number.NaN, at: clock.now().getTime() });
        return yield* completeSteps(row, now, project);
      });
    const claim = jest.spyOn(inbox, 'claim');
    try {
      expect(await processor.drain()).toBe(rows);
    } finally {
      slow.mockRestore();
      complete.mockRestore();
    }
    const claimed = claim.mock.results.length;
    claim.mockRestore();

    // Three chunks per claim (started at 0, 11 and 22 s of a 60 s lease; a fourth would start at 33 s, past
    // 60 − 35), the other three given back and claimed again at once, then the empty claim that ends the drain.
    expect(claimed).toBe(3);
    expect(marked).toHaveLength(rows);
    for (const { leaseEnd, at } of marked) expect(at).toBeLessThanOrEqual(leaseEnd);
    // Every row looked up once, processed once, its attempt count not raised by the give-back.
    expect(journey.argos.requests.filter((r) => r.route === 'GET /faceauth')).toHaveLength(rows);
    const inboxRows = (await journey.drive.admin('GET', '/v1/webhooks/inbox?limit=100')).body.items as {
      authId: string;
      status: string;
      attempts: number;
    }[];
    const ours = inboxRows.filter((r) => ids.includes(r.authId));
    expect(ours).toHaveLength(rows);
    for (const row of ours) expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });
});
