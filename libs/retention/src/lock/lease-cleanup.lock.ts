import { Clock } from '@faceauth/core';
import { cleanupLockStatements } from '../persistence/cleanup-lock.sql';
import { SqlRunner } from '../persistence/sql-runner';
import { CleanupLock, CleanupLockHandle } from './cleanup-lock';

const LOCK_NAME = 'faceauth-cleanup';

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
    const q = cleanupLockStatements(this.sql.dataSource);
    const now = this.clock.now().getTime();
    const rows = await this.sql.rows(q.acquire, [LOCK_NAME, this.holder, now, now + this.leaseMs]);
    if (rows.length !== 1) return null;
    return {
      renew: async () =>
        (await this.sql.rows(q.renew, [LOCK_NAME, this.holder, this.clock.now().getTime() + this.leaseMs]))
          .length === 1,
      release: async () => {
        await this.sql.rows(q.release, [LOCK_NAME, this.holder]);
      },
    };
  }
}
