import { DataSource } from 'typeorm';
import { TOKEN_STATUSES, TokenErrorCode } from '@faceauth/token-policy';
import { databasesUnderTest } from '../support/test-databases';
import { startTokenPolicy, TokenPolicyHarness } from '../support/token-policy-harness';

describe.each(databasesUnderTest())('token consumption on %s', (kind) => {
  let h: TokenPolicyHarness;

  beforeAll(async () => {
    h = await startTokenPolicy(kind);
  });
  afterAll(() => h.close());

  const race = async (token: string, n: number) => {
    const outcomes = await Promise.all(Array.from({ length: n }, () => h.ledger.recordUse(token)));
    return outcomes.filter((o) => o.recorded).length;
  };

  it('gives exactly one winner among 1,000 concurrent consumptions of a one-use token', async () => {
    const link = await h.links.mint({ sid: 'sub_1', policy: { mode: 'count', maxUses: 1 } });
    expect(await race(link.token, 1_000)).toBe(1);
    const after = await h.links.get(link.id);
    expect(after).toMatchObject({ useCount: 1, status: 'used' });
  });

  it('gives exactly three winners when the token allows three uses', async () => {
    const link = await h.links.mint({ sid: 'sub_3', policy: { mode: 'count', maxUses: 3 } });
    expect(await race(link.token, 1_000)).toBe(3);
    expect(await h.links.get(link.id)).toMatchObject({ useCount: 3, status: 'used' });
  });

  it('starts the time window at the first use: usable at window − 1 ms, expired exactly at the end', async () => {
    const link = await h.links.mint({ sid: 'sub_t', policy: { mode: 'time', windowSeconds: 60 } });
    h.clock.advance(5_000);
    const firstUse = h.clock.now().getTime();
    expect((await h.ledger.recordUse(link.token)).recorded).toBe(true);
    expect((await h.links.get(link.id)).windowEndsAt?.getTime()).toBe(firstUse + 60_000);
    expect((await h.ledger.recordUse(link.token, new Date(firstUse + 59_999))).recorded).toBe(true);
    expect((await h.ledger.recordUse(link.token, new Date(firstUse + 60_000))).recorded).toBe(false);
    expect((await h.ledger.recordUse(link.token, new Date(firstUse + 60_001))).recorded).toBe(false);
    h.clock.set(firstUse + 60_000);
    expect((await h.links.get(link.id)).status).toBe('expired');
  });

  it('expires a never-used link at its expiresAt, to the millisecond', async () => {
    const link = await h.links.mint({ sid: 'sub_e', expiresInSeconds: 30 });
    const deadline = link.expiresAt.getTime();
    expect((await h.ledger.recordUse(link.token, new Date(deadline))).recorded).toBe(false);
    expect((await h.ledger.recordUse(link.token, new Date(deadline - 1))).recorded).toBe(true);
  });

  it('refuses uses after revocation and after an Argos token_expired report', async () => {
    const revoked = await h.links.mint({ sid: 'sub_r', policy: { mode: 'count', maxUses: 5 } });
    await h.links.revoke(revoked.id);
    await h.links.revoke(revoked.id);
    expect(await h.ledger.recordUse(revoked.token)).toMatchObject({ recorded: false, status: 'revoked' });
    const expired = await h.links.mint({ sid: 'sub_x', policy: { mode: 'count', maxUses: 5 } });
    expect(await h.ledger.markExpired(expired.token, h.clock.now())).toBe(true);
    expect(await h.ledger.markExpired(expired.token, h.clock.now())).toBe(false);
    expect(await h.ledger.recordUse(expired.token)).toMatchObject({ recorded: false, status: 'expired' });
    await expect(h.ledger.consumeOrThrow(expired.token)).rejects.toMatchObject({
      code: TokenErrorCode.TOKEN_EXPIRED,
    });
  });

  it('records the result that caused an Argos token_expired which arrived first, once', async () => {
    const count = await h.links.mint({ sid: 'sub_cx', policy: { mode: 'count', maxUses: 1 } });
    const usedAt = h.clock.now();
    expect(await h.ledger.markExpired(count.token, usedAt)).toBe(true);
    const late = new Date(usedAt.getTime() + 2_000);
    expect(await h.ledger.recordUse(count.token, late, 'auth_cause')).toMatchObject({
      recorded: true,
      status: 'used',
    });
    expect(await h.ledger.recordUse(count.token, late, 'auth_other')).toMatchObject({ recorded: false });
    expect(await h.links.get(count.id)).toMatchObject({ useCount: 1, status: 'used' });
    // A short-link open (no use key) is never taken for that use.
    const opened = await h.links.mint({ sid: 'sub_cy', policy: { mode: 'count', maxUses: 1 } });
    await h.ledger.markExpired(opened.token, usedAt);
    expect((await h.ledger.recordUse(opened.token, late)).recorded).toBe(false);
  });

  it('keeps a time-based Argos expiry announced at first use for its instant, window from the first use', async () => {
    const link = await h.links.mint({ sid: 'sub_tx', policy: { mode: 'time', windowSeconds: 60 } });
    const first = h.clock.now().getTime();
    expect(await h.ledger.markExpired(link.token, new Date(first + 60_000))).toBe(true);
    expect((await h.links.get(link.id)).status).toBe('active');
    expect((await h.ledger.recordUse(link.token, new Date(first), 'auth_t1')).recorded).toBe(true);
    expect((await h.links.get(link.id)).windowEndsAt?.getTime()).toBe(first + 60_000);
    expect((await h.ledger.recordUse(link.token, new Date(first + 30_000), 'auth_t2')).recorded).toBe(true);
    expect((await h.ledger.recordUse(link.token, new Date(first + 60_000), 'auth_t3')).recorded).toBe(false);
    h.clock.set(first + 60_000);
    expect((await h.links.get(link.id)).status).toBe('expired');
  });

  it('records a use with an id once, however often it is reported', async () => {
    const link = await h.links.mint({ sid: 'sub_k', policy: { mode: 'count', maxUses: 3 } });
    const reports = await Promise.all(
      Array.from({ length: 50 }, () => h.ledger.recordUse(link.token, undefined, 'auth_1%_x')),
    );
    expect(reports.filter((r) => r.recorded)).toHaveLength(1);
    expect(reports.filter((r) => r.duplicate)).toHaveLength(49);
    expect((await h.ledger.recordUse(link.token, undefined, 'auth_2')).recorded).toBe(true);
    expect((await h.ledger.recordUse(link.token, undefined, 'auth_1%_x')).duplicate).toBe(true);
    expect((await h.links.get(link.id)).useCount).toBe(2);
  });

  it('reports unknown tokens without writing anything', async () => {
    expect(await h.ledger.recordUse('UnknownToken000000000001')).toEqual({
      recorded: false,
      duplicate: false,
      known: false,
      status: null,
      linkId: null,
      project: null,
    });
  });

  it('filters by status in SQL exactly as tokenStatus() derives it', async () => {
    const dataSource = h.moduleRef.get(DataSource);
    await dataSource.query('DELETE FROM faceauth_tokens');
    const now = h.clock.now().getTime();
    const a = await h.links.mint({ sid: 's', authUserId: 'u1' });
    const b = await h.links.mint({ sid: 's', authUserId: 'u1', policy: { mode: 'count', maxUses: 2 } });
    await h.ledger.recordUse(b.token);
    const c = await h.links.mint({ sid: 's', authUserId: 'u2' });
    await h.ledger.recordUse(c.token);
    const d = await h.links.mint({ sid: 's', expiresInSeconds: 1 });
    const e = await h.links.mint({ sid: 's', policy: { mode: 'time', windowSeconds: 1 } });
    await h.ledger.recordUse(e.token);
    const f = await h.links.mint({ sid: 's' });
    await h.links.revoke(f.id);
    // Argos' token_expired: a time expiry announced ahead (still usable) and one already past.
    const g = await h.links.mint({ sid: 's', policy: { mode: 'time', windowSeconds: 3600 } });
    await h.ledger.recordUse(g.token);
    await h.ledger.markExpired(g.token, new Date(now + 60_000));
    const i = await h.links.mint({ sid: 's', policy: { mode: 'time', windowSeconds: 3600 } });
    await h.ledger.recordUse(i.token);
    await h.ledger.markExpired(i.token, new Date(now + 500));
    void [a, d];
    h.clock.set(now + 1_000);
    expect((await h.links.get(g.id)).status).toBe('active');
    expect((await h.links.get(i.id)).status).toBe('expired');
    const all = await h.links.list({ limit: 200 });
    for (const status of TOKEN_STATUSES) {
      const viaSql = (await h.links.list({ status, limit: 200 })).items.map((v) => v.id).sort();
      const derived = all.items
        .filter((v) => v.status === status)
        .map((v) => v.id)
        .sort();
      expect({ status, ids: viaSql }).toEqual({ status, ids: derived });
    }
    expect(new Set(all.items.map((v) => v.status))).toEqual(new Set(TOKEN_STATUSES));
  });

  it('pages newest first with an opaque cursor, each link exactly once', async () => {
    const dataSource = h.moduleRef.get(DataSource);
    await dataSource.query('DELETE FROM faceauth_tokens');
    const minted: string[] = [];
    for (let i = 0; i < 23; i++) {
      if (i % 5 === 0) h.clock.advance(1); // several links share a timestamp: the id breaks ties
      minted.push((await h.links.mint({ sid: 'page', authUserId: 'pager' })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.links.list({ authUserId: 'pager', limit: 5, cursor });
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(minted));
    await expect(h.links.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
