import fc from 'fast-check';
import { startTokenPolicy, TokenPolicyHarness } from '../support/token-policy-harness';

type Op = 'consume' | 'revoke' | 'argosExpire' | 'clockPastExpiry';

/**
 * fast-check's scheduler releases consume / revoke / Argos-expiry / clock moves in adversarial orders.
 * Logical time stamps each call's start and end: a consumption that started after a revocation or an
 * expiry had completed must be refused, and uses never exceed the policy's maximum.
 */
describe('token policy under scheduled interleavings (sqlite)', () => {
  let h: TokenPolicyHarness;

  beforeAll(async () => {
    h = await startTokenPolicy('sqlite');
  });
  afterAll(() => h.close());

  it('never consumes a revoked or expired token, whatever the order', async () => {
    const ops = fc.array(
      fc.constantFrom<Op>('consume', 'consume', 'consume', 'revoke', 'argosExpire', 'clockPastExpiry'),
      {
        minLength: 2,
        maxLength: 10,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        ops,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        async (s, plan, maxUses, settle) => {
          h.clock.set(Date.UTC(2026, 5, 1));
          const link = await h.links.mint({
            sid: 'sched',
            policy: { mode: 'count', maxUses },
            expiresInSeconds: 60,
          });
          let tick = 0;
          const log: { op: Op; start: number; end: number; recorded?: boolean }[] = [];
          const inflight = new Set<Promise<void>>();
          const run = async (op: Op): Promise<void> => {
            await s.schedule(Promise.resolve(op), op);
            let done!: () => void;
            const finished = new Promise<void>((resolve) => (done = resolve));
            inflight.add(finished);
            const entry: (typeof log)[number] = { op, start: tick++, end: -1 };
            if (op === 'consume') entry.recorded = (await h.ledger.recordUse(link.token)).recorded;
            if (op === 'revoke') await h.links.revoke(link.id);
            if (op === 'argosExpire') await h.ledger.markExpired(link.token, h.clock.now());
            if (op === 'clockPastExpiry') h.clock.set(link.expiresAt.getTime());
            entry.end = tick++;
            log.push(entry);
            inflight.delete(finished);
            done();
          };
          const all = Promise.all(plan.map(run));
          // The scheduler picks which call starts next; `settle` decides whether it completes before the next
          // one starts (a strict order) or overlaps with it (the database serialises).
          for (let step = 0; s.count() > 0; step++) {
            await s.waitOne();
            if (settle[step % settle.length]) await Promise.all([...inflight]);
          }
          await all;
          const consumed = log.filter((e) => e.op === 'consume' && e.recorded);
          expect(consumed.length).toBeLessThanOrEqual(maxUses);
          const blockers = log.filter((e) => e.op === 'revoke' || e.op === 'argosExpire');
          const clockMoves = log.filter((e) => e.op === 'clockPastExpiry');
          for (const use of consumed) {
            for (const blocker of blockers) expect(blocker.end < use.start).toBe(false);
            // A clock move past expiry only blocks the token while it has never been used.
            const firstUse = consumed.reduce((min, e) => Math.min(min, e.start), Infinity);
            for (const move of clockMoves)
              if (use.start === firstUse) expect(move.end < use.start).toBe(false);
          }
          const final = await h.links.get(link.id);
          expect(final.useCount).toBe(consumed.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
