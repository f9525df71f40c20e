import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { discardPostgresConnection } from '@faceauth/core';
import { CleanupLock, CleanupLockHandle } from './cleanup-lock';

/** 64-bit key of `pg_try_advisory_lock`: the ASCII of "facecln" (any constant unique to this job). */
export const CLEANUP_ADVISORY_KEY = '28817527155158126';

/**
 * PostgreSQL session advisory lock on a connection held for the whole run. If the process dies, the
 * server ends the session and the lock is released at once: no lease to wait out.
 */
export class AdvisoryCleanupLock extends CleanupLock {
  private readonly logger = new Logger('CleanupLock');

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async tryAcquire(): Promise<CleanupLockHandle | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        CLEANUP_ADVISORY_KEY,
      ])) as { locked: boolean }[];
      if (row?.locked !== true) {
        await runner.release();
        return null;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    return {
      renew: async () => this.alive(runner),
      release: async () => this.release(runner),
    };
  }

  private async alive(runner: QueryRunner): Promise<boolean> {
    try {
      await runner.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async release(runner: QueryRunner): Promise<void> {
    try {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [CLEANUP_ADVISORY_KEY]);
      await runner.release();
    } catch (error) {
      // The session may be gone (and the lock with it); never hand a connection that might still hold
      // the lock back to the pool.
      this.logger.warn(`Advisory unlock failed (${(error as Error).name}); dropping the connection`);
      await discardPostgresConnection(runner, error as Error);
    }
  }
}
