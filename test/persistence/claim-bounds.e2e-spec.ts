import { RawSql } from '@faceauth/core';
import { expiredRowsStatements } from '../../libs/retention/src/persistence/expired-rows.sql';
import { resultCleanupStatements } from '../../libs/retention/src/persistence/result-cleanup.sql';
import { inboxStatements } from '../../libs/webhook/src/inbox/webhook-inbox.sql';
import { useTestDataSource } from '../support/test-data-source';
import { databasesUnderTest } from '../support/test-databases';

const ROWS = 12;
const LIMIT = 3;
const NOW = 1_000_000;

/**
 * A claim takes at most its batch size, on both engines. On PostgreSQL a claim written as `WHERE id IN (SELECT …
 * LIMIT n FOR UPDATE SKIP LOCKED)` took more: on small tables the planner rescans that subquery for every outer
 * row (a nested-loop semi join), and each rescan skips the rows the statement had already changed and picks new
 * ones (5 and 6 outbox rows for a limit of 4, 2026-12-04; here the inbox claim took all 12 rows for a limit of 3).
 * The claims now pick their rows in a materialized CTE (`lockedPick`), run once. The outbox claim is held to its
 * limit by the dispatcher's tests (test/notifications/lease-outlasted); here, the inbox claim, the cleanup claim
 * and the retention deletes (the last two kept their bound with the old form too, on these tables' plans: they
 * are held to it so that a rewrite cannot lose it).
 */
describe.each(databasesUnderTest())('claims bounded by their batch size on %s', (kind) => {
  const db = useTestDataSource(kind);
  let sql: RawSql;

  beforeAll(() => {
    sql = new RawSql(db.dataSource);
  });

  const count = async (text: string, values: unknown[] = []): Promise<number> =>
    Number((await sql.rows(text, values))[0].n);

  it('the webhook inbox claim takes at most its batch, and the next claim the next rows', async () => {
    for (let i = 0; i < ROWS; i++) {
      await sql.rows(
        `INSERT INTO faceauth_webhook_inbox (id, dedupe_key, trigger, payload, source, status, attempts, next_attempt_at, received_at)
         VALUES ($1, $2, 'faceAuth', '{}', 'webhook', 'pending', 0, $3, $3)`,
        [`claim-inbox-${i}`, `faceAuth:claim-${i}`, i],
      );
    }
    const { claim } = inboxStatements(db.dataSource);
    const first = await sql.rows(claim, [NOW, NOW + 60_000, LIMIT]);
    const second = await sql.rows(claim, [NOW, NOW + 60_000, LIMIT]);

    expect(first).toHaveLength(LIMIT);
    expect(second).toHaveLength(LIMIT);
    // Earliest due first, and disjoint (in no particular order: RETURNING has none).
    expect(first.map((r) => r.id).sort()).toEqual(['claim-inbox-0', 'claim-inbox-1', 'claim-inbox-2']);
    expect(second.map((r) => r.id).sort()).toEqual(['claim-inbox-3', 'claim-inbox-4', 'claim-inbox-5']);
    expect(await count(`SELECT COUNT(*) AS n FROM faceauth_webhook_inbox WHERE status = 'processing'`)).toBe(
      2 * LIMIT,
    );
  });

  it('the results cleanup claim takes at most its batch', async () => {
    for (let i = 0; i < ROWS; i++) {
      await sql.rows(
        `INSERT INTO faceauth_results (auth_id, project, status, source, created_at, updated_at)
         VALUES ($1, 'default', 'approved', 'webhook', $2, $2)`,
        [`claim-result-${i}`, i],
      );
    }
    const { claim } = resultCleanupStatements(db.dataSource);
    // $1 now, $2 results created at or before this are due, $3 lease, $4 batch.
    const claimed = await sql.rows(claim, [NOW, NOW, NOW + 60_000, LIMIT]);

    expect(claimed.map((r) => r.auth_id).sort()).toEqual([
      'claim-result-0',
      'claim-result-1',
      'claim-result-2',
    ]);
    expect(
      await count(`SELECT COUNT(*) AS n FROM faceauth_results WHERE cleanup_lease_until IS NOT NULL`),
    ).toBe(LIMIT);
  });

  it('the retention deletes remove at most their batch', async () => {
    await sql.rows(`UPDATE faceauth_webhook_inbox SET status = 'done', processed_at = received_at`);
    for (let i = 0; i < ROWS; i++) {
      await sql.rows(
        `INSERT INTO faceauth_tokens (id, token, project, sid, policy_mode, consume_on, expires_at, created_at, revoked_at)
         VALUES ($1, $2, 'default', 'sub', 'count', 'webhook', $3, $3, $3)`,
        [`claim-token-${i}`, `tok-claim-${i}`, i],
      );
    }
    const { deleteInbox, deleteTokens } = expiredRowsStatements(db.dataSource);

    expect(await sql.rows(deleteInbox, [NOW, LIMIT])).toHaveLength(LIMIT);
    expect(await sql.rows(deleteTokens, [NOW, LIMIT])).toHaveLength(LIMIT);
    expect(await count('SELECT COUNT(*) AS n FROM faceauth_webhook_inbox')).toBe(ROWS - LIMIT);
    expect(await count('SELECT COUNT(*) AS n FROM faceauth_tokens')).toBe(ROWS - LIMIT);
  });
});
