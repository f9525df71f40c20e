import { LinkResult, OutcomeSweeper } from '@faceauth/token-policy';
import { databasesUnderTest } from '../support/test-databases';
import { startTokenPolicy, TokenPolicyHarness } from '../support/token-policy-harness';

/**
 * A link's outcome, decided from the results that reach it (already verified to be its submission's):
 * decided once, by a result within the policy; a result outside it is refused with the reason, and never
 * changes the outcome.
 */
describe.each(databasesUnderTest())('link outcomes on %s', (kind) => {
  let h: TokenPolicyHarness;
  let n = 0;

  beforeAll(async () => {
    h = await startTokenPolicy(kind);
  });
  afterAll(() => h.close());

  const result = (status: string, at = h.clock.now()): LinkResult => ({
    authId: `fa_${kind}_${++n}`,
    status,
    at,
  });
  const outcome = async (id: string) => (await h.links.get(id)).outcome;

  it('approves a one-use link once; a second approved result is refused as used and changes nothing', async () => {
    const link = await h.links.mint({ sid: 'sub_a', policy: { mode: 'count', maxUses: 1 } });
    expect(await outcome(link.id)).toEqual({
      status: 'pending',
      authId: null,
      decidedAt: null,
      reason: null,
    });
    const first = result('approved');
    const verdict = await h.ledger.recordResult(link.token, first);
    expect(verdict).toMatchObject({ counted: true, refusal: null, useRecorded: true, decidedByThis: true });
    expect(verdict?.outcome).toEqual({
      status: 'approved',
      authId: first.authId,
      decidedAt: h.clock.now(),
      reason: null,
    });

    h.clock.advance(5_000);
    const second = await h.ledger.recordResult(link.token, result('approved'));
    expect(second).toMatchObject({
      counted: false,
      refusal: 'used',
      useRecorded: false,
      decidedByThis: false,
    });
    expect(second?.outcome).toEqual(verdict?.outcome);
    expect(await outcome(link.id)).toMatchObject({ status: 'approved', authId: first.authId });
  });

  it('answers a repeat of the deciding result as counted and deciding again (at least once), changing nothing', async () => {
    const link = await h.links.mint({ sid: 'sub_r', policy: { mode: 'count', maxUses: 1 } });
    const first = result('approved');
    await h.ledger.recordResult(link.token, first);
    const repeat = await h.ledger.recordResult(link.token, first);
    expect(repeat).toMatchObject({ counted: true, refusal: null, useRecorded: false, decidedByThis: true });
    expect((await h.links.get(link.id)).useCount).toBe(1);
  });

  it('keeps a two-use link pending after a rejection and rejects it at its last use', async () => {
    const link = await h.links.mint({ sid: 'sub_b', policy: { mode: 'count', maxUses: 2 } });
    const first = await h.ledger.recordResult(link.token, result('rejected'));
    expect(first).toMatchObject({ counted: true, decidedByThis: false, outcome: { status: 'pending' } });
    const last = result('rejected');
    const second = await h.ledger.recordResult(link.token, last);
    expect(second).toMatchObject({ counted: true, decidedByThis: true });
    expect(second?.outcome).toMatchObject({
      status: 'rejected',
      authId: last.authId,
      reason: 'result_rejected',
    });
    expect(await h.ledger.recordResult(link.token, result('approved'))).toMatchObject({
      counted: false,
      refusal: 'used',
      outcome: { status: 'rejected', authId: last.authId },
    });
  });

  it('approves a two-use link whose second attempt passes after a rejection', async () => {
    const link = await h.links.mint({ sid: 'sub_c', policy: { mode: 'count', maxUses: 2 } });
    await h.ledger.recordResult(link.token, result('rejected'));
    const approval = result('approved');
    expect((await h.ledger.recordResult(link.token, approval))?.outcome).toMatchObject({
      status: 'approved',
      authId: approval.authId,
    });
  });

  it('does not decide on a result that is neither approved nor rejected', async () => {
    const link = await h.links.mint({ sid: 'sub_p', policy: { mode: 'count', maxUses: 2 } });
    const verdict = await h.ledger.recordResult(link.token, result('pending'));
    expect(verdict).toMatchObject({ counted: true, decidedByThis: false, outcome: { status: 'pending' } });
  });

  it('rejects a time-window link whose window closed after rejections, from the end of the window', async () => {
    const link = await h.links.mint({ sid: 'sub_t', policy: { mode: 'time', windowSeconds: 60 } });
    const start = h.clock.now();
    await h.ledger.recordResult(link.token, result('rejected'));
    h.clock.advance(10_000);
    const last = result('rejected');
    await h.ledger.recordResult(link.token, last);
    expect(await outcome(link.id)).toMatchObject({ status: 'pending' });
    h.clock.advance(50_000);
    expect(await outcome(link.id)).toEqual({
      status: 'rejected',
      authId: last.authId,
      decidedAt: new Date(start.getTime() + 60_000),
      reason: 'result_rejected',
    });
    expect(await h.ledger.recordResult(link.token, result('approved'))).toMatchObject({
      counted: false,
      refusal: 'expired',
    });
  });

  it('expires a never-used link at its deadline, and a revocation afterwards keeps that outcome', async () => {
    const link = await h.links.mint({ sid: 'sub_e', expiresInSeconds: 30 });
    h.clock.advance(30_000);
    const expired = { status: 'expired', authId: null, decidedAt: link.expiresAt, reason: 'link_expired' };
    expect(await outcome(link.id)).toEqual(expired);
    h.clock.advance(1_000);
    const revoked = await h.links.revoke(link.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.outcome).toEqual(expired);
  });

  it('revokes a pending link; a later result is refused as revoked and the outcome stays revoked', async () => {
    const link = await h.links.mint({ sid: 'sub_v' });
    const revokedAt = h.clock.now();
    expect((await h.links.revoke(link.id)).outcome).toEqual({
      status: 'revoked',
      authId: null,
      decidedAt: revokedAt,
      reason: 'revoked',
    });
    h.clock.advance(1_000);
    expect(await h.ledger.recordResult(link.token, result('approved'))).toMatchObject({
      counted: false,
      refusal: 'revoked',
      outcome: { status: 'revoked' },
    });
    // Revoking again keeps the first revocation.
    expect((await h.links.revoke(link.id)).outcome.decidedAt).toEqual(revokedAt);
  });

  it('does not revoke an approved outcome', async () => {
    const link = await h.links.mint({ sid: 'sub_w' });
    const approval = result('approved');
    await h.ledger.recordResult(link.token, approval);
    const revoked = await h.links.revoke(link.id);
    expect(revoked.status).toBe('revoked');
    expect(revoked.outcome).toMatchObject({ status: 'approved', authId: approval.authId });
  });

  it('decides exactly once among 200 concurrent approvals within a time window', async () => {
    const link = await h.links.mint({ sid: 'sub_x', policy: { mode: 'time', windowSeconds: 600 } });
    const attempts = Array.from({ length: 200 }, () => result('approved'));
    const verdicts = await Promise.all(attempts.map((r) => h.ledger.recordResult(link.token, r)));
    const deciders = verdicts.filter((v) => v?.decidedByThis);
    expect(deciders).toHaveLength(1);
    const stored = await outcome(link.id);
    expect(stored.status).toBe('approved');
    expect(deciders[0]?.outcome.authId).toBe(stored.authId);
    expect(verdicts.every((v) => v?.counted && v.outcome.authId === stored.authId)).toBe(true);
  });

  it('judges results of a link used at short-link opens by its opens, not by a use of their own', async () => {
    const link = await h.links.mint({
      sid: 'sub_o',
      consumeOn: 'open',
      policy: { mode: 'count', maxUses: 1 },
    });
    await h.ledger.consumeOrThrow(link.token);
    const approval = result('approved');
    expect(await h.ledger.recordResult(link.token, approval)).toMatchObject({
      counted: true,
      useRecorded: false,
      decidedByThis: true,
      outcome: { status: 'approved', authId: approval.authId },
    });
    expect((await h.links.get(link.id)).useCount).toBe(1);
    expect(await h.ledger.recordResult(link.token, result('approved'))).toMatchObject({
      counted: false,
      refusal: 'used',
    });
  });

  it('records, by the sweep, the outcome a read shows for links that stopped being usable undecided', async () => {
    const sweeper = h.moduleRef.get(OutcomeSweeper);
    await sweeper.sweep(); // what earlier tests left behind
    const unused = await h.links.mint({ sid: 'sub_s1', expiresInSeconds: 10 });
    const window = await h.links.mint({ sid: 'sub_s2', policy: { mode: 'time', windowSeconds: 20 } });
    const rejection = result('rejected');
    await h.ledger.recordResult(window.token, rejection);
    const opened = await h.links.mint({ sid: 'sub_s3', consumeOn: 'open', expiresInSeconds: 10 });
    await h.ledger.consumeOrThrow(opened.token);
    const active = await h.links.mint({ sid: 'sub_s4', expiresInSeconds: 3_600 });
    expect(await sweeper.sweep()).toBe(0);

    h.clock.advance(30_000);
    const shown = [await outcome(unused.id), await outcome(window.id)];
    expect(await sweeper.sweep()).toBe(2);
    expect(await outcome(unused.id)).toEqual(shown[0]);
    expect(shown[0]).toMatchObject({
      status: 'expired',
      reason: 'link_expired',
      decidedAt: unused.expiresAt,
    });
    expect(await outcome(window.id)).toEqual(shown[1]);
    expect(shown[1]).toMatchObject({
      status: 'rejected',
      authId: rejection.authId,
      reason: 'result_rejected',
    });
    // Used at its opening, results may still come: pending. Still usable: pending.
    expect((await outcome(opened.id)).status).toBe('pending');
    expect((await outcome(active.id)).status).toBe('pending');
    expect(await sweeper.sweep()).toBe(0);
    // Recorded, the outcome no longer moves: a late result is refused and changes nothing.
    expect(await h.ledger.recordResult(unused.token, result('approved'))).toMatchObject({
      counted: false,
      refusal: 'expired',
      outcome: { status: 'expired' },
    });
  });

  it('answers null for a token it did not mint', async () => {
    expect(await h.ledger.recordResult('not-minted-here-0001', result('approved'))).toBeNull();
  });
});
