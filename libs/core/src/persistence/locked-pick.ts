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
