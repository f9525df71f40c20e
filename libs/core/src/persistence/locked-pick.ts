import { DatabaseKind } from './database-kind';

/** The parts of a claim (an UPDATE or DELETE of a bounded pick of rows) that differ by engine. */
export interface LockedPick {
  /** Goes before the statement: `WITH picked AS MATERIALIZED (…) ` on PostgreSQL, nothing on SQLite. */
  with: string;
  /** The keys to claim, for `WHERE <key> IN (<keys>)`. */
  keys: string;
}

/**
 * A claim's pick of rows, `pick` being a bounded `SELECT <key> … LIMIT n` on the claim's own table. On PostgreSQL
 * the pick locks its rows (`FOR UPDATE SKIP LOCKED`, so that several workers claim disjoint rows) in a
 * `MATERIALIZED` CTE, which runs once. Written as a subquery (`WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP
 * LOCKED)`) the planner may put it on the inner side of a nested-loop semi join (it does on small tables) and
 * rescan it for every outer row; each rescan skips the rows the statement already changed (locked by itself) and
 * picks new ones, so the claim took more rows than its LIMIT (5 and 6 rows for a limit of 4, 2026-12-04). SQLite has
 * one writer and no row locks: the plain subquery.
 */
export function lockedPick(kind: DatabaseKind, key: string, pick: string): LockedPick {
  if (kind === 'postgres') {
    return {
      with: `WITH picked AS MATERIALIZED (${pick} FOR UPDATE SKIP LOCKED)\n`,
      keys: `SELECT ${key} FROM picked`,
    };
  }
  return { with: '', keys: pick };
}

/** A queue table whose rows are claimed under a lease: `id`, `status`, `locked_until`, `attempts`. */
export interface LeaseQueue {
  table: string;
  /** The status a claimed row takes (`processing`, `delivering`). */
  claimedStatus: string;
}

/** A queue's claim: which rows are due and what it returns. */
export interface LeaseClaim extends LeaseQueue {
  /** The rows due, over `$1` now (re-checked outside the pick: a row claimed meanwhile is not claimed again). */
  due: string;
  /** The pick's own conditions beside `due` (e.g. a partial index's `status IN (…)`), or ''. */
  pickFilter: string;
  /** The columns returned. */
  columns: string;
}

/**
 * Claims at most `$3` due rows of a queue table for one worker, earliest due first: status `claimedStatus`, lease
 * until `$2`, the attempt counted. On PostgreSQL several workers claim disjoint rows (`lockedPick`).
 */
export function leaseClaimSql(kind: DatabaseKind, claim: LeaseClaim): string {
  const filter = claim.pickFilter ? `${claim.pickFilter} AND ` : '';
  const pick = lockedPick(
    kind,
    'id',
    `SELECT id FROM ${claim.table} WHERE ${filter}${claim.due}\n  ORDER BY next_attempt_at, id\n  LIMIT $3`,
  );
  return `${pick.with}UPDATE ${claim.table} SET status = '${claim.claimedStatus}', locked_until = $2, attempts = attempts + 1
WHERE id IN (${pick.keys})
  AND ${claim.due}
RETURNING ${claim.columns}`;
}

/**
 * Gives back a claimed row its worker will not handle (its batch has no lease left for it): pending and due again
 * at once, the claim's attempt taken back, only while this worker still holds the lease. `$1` id, `$2` lease.
 */
export function leaseReleaseSql(queue: LeaseQueue): string {
  return `
UPDATE ${queue.table} SET status = 'pending', attempts = attempts - 1, locked_until = NULL
WHERE id = $1 AND status = '${queue.claimedStatus}' AND locked_until = $2
RETURNING id`;
}
