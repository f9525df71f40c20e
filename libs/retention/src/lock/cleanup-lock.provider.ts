import { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@faceauth/core';
import { SqlRunner } from '../persistence/sql-runner';
import { RETENTION_OPTIONS, ResolvedRetentionOptions } from '../retention.options';
import { AdvisoryCleanupLock } from './advisory-cleanup.lock';
import { CleanupLock } from './cleanup-lock';
import { LeaseCleanupLock } from './lease-cleanup.lock';
import { CLEANUP_INSTANCE_ID } from './instance-id';

/** Advisory lock on PostgreSQL (unless the `lease` strategy is chosen), lease row on SQLite. */
export const cleanupLockProvider: Provider = {
  provide: CleanupLock,
  inject: [getDataSourceToken(), SqlRunner, Clock, RETENTION_OPTIONS, CLEANUP_INSTANCE_ID],
  useFactory: (
    dataSource: DataSource,
    sql: SqlRunner,
    clock: Clock,
    options: ResolvedRetentionOptions,
    instanceId: string,
  ): CleanupLock =>
    sql.kind === 'postgres' && options.lock.strategy === 'auto'
      ? new AdvisoryCleanupLock(dataSource)
      : new LeaseCleanupLock(sql, clock, instanceId, options.lock.leaseMs),
};
