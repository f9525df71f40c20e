import { Clock } from '@faceauth/core';
import { SqlRunner } from '../persistence/sql-runner';
import { CleanupLock, CleanupLockHandle } from './cleanup-lock';

const LOCK_NAME = 'faceauth-cleanup';

/** Takes the row when it is free or its lease ran out (its holder died or stalled); one statement. */
const ACQUIRE_SQL = `
INSERT INTO cleanup_locks (name, holder, acquired_at, expires_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
WHERE cleanup_locks.expires_at <= $3
RETURNING holder`;

const RENEW_SQL = 'UPDATE cleanup_locks SET expires_at = $3 WHERE name = $1 AND holder = $2 RETURNING holder';
const RELEASE_SQL = 'DELETE FROM cleanup_locks WHERE name = $1 AND holder = $2 RETURNING holder';

/**
 * A lease row (SQLite, or PostgreSQL behind a transaction-pooling proxy): held until `expires_at`,
 * renewed after each batch. A killed holder's lease runs out after `leaseMs`.
 */
export class LeaseCleanupLock extends CleanupLock {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
    private readonly holder: string,
    private readonly leaseMs: number,
  ) {
    super();
  }

  async tryAcquire(): Promise<CleanupLockHandle | null> {
    const now = this.clock.now().getTime();
    const rows = await this.sql.rows(ACQUIRE_SQL, [LOCK_NAME, this.holder, now, now + this.leaseMs]);
    if (rows.length !== 1) return null;
    return {
      renew: async () =>
        (await this.sql.rows(RENEW_SQL, [LOCK_NAME, this.holder, this.clock.now().getTime() + this.leaseMs]))
          .length === 1,
      release: async () => {
        await this.sql.rows(RELEASE_SQL, [LOCK_NAME, this.holder]);
      },
    };
  }
}
