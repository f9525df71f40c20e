import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { ArgosDeletionStep } from './cleanup/argos-deletion.step';
import { CleanupBatchRunner } from './cleanup/cleanup-batch.runner';
import { ExpiredRowsSweeper } from './cleanup/expired-rows.sweeper';
import { RunRecorderFactory } from './cleanup/run-recorder.factory';
import { CleanupScheduler } from './cleanup/cleanup.scheduler';
import { CleanupService } from './cleanup/cleanup.service';
import { ResultDeletionWorker } from './cleanup/result-deletion.worker';
import { cleanupLockProvider } from './lock/cleanup-lock.provider';
import { CLEANUP_INSTANCE_ID } from './lock/instance-id';
import { ArgosRateLimiter } from './pacing/argos-rate-limiter';
import { CleanupAuditEntity } from './persistence/cleanup-audit.entity';
import { CleanupAuditRepository } from './persistence/cleanup-audit.repository';
import { CleanupLockEntity } from './persistence/cleanup-lock.entity';
import { CleanupRunEntity } from './persistence/cleanup-run.entity';
import { CleanupRunRepository } from './persistence/cleanup-run.repository';
import { ExpiredRowsRepository } from './persistence/expired-rows.repository';
import { PersonalDataRedactor } from './persistence/personal-data.redactor';
import { ResultCleanupRepository } from './persistence/result-cleanup.repository';
import { SqlRunner } from './persistence/sql-runner';
import { LegalHoldService } from './policy/legal-hold.service';
import { UserErasureService } from './policy/user-erasure.service';
import { CleanupReportService } from './reporting/cleanup-report.service';
import { RETENTION_MODULE_OPTIONS, RetentionConfigurableModule } from './retention.module-definition';
import { RETENTION_OPTIONS, RetentionModuleOptions, resolveRetentionOptions } from './retention.options';

/**
 * Retention of biometric data and the scheduled cleanup. Needs, from the host: a DataSource holding the
 * product's tables (results, tokens, inbox) and {@link CleanupRunEntity}, {@link CleanupAuditEntity},
 * {@link CleanupLockEntity} (the product's migrations create them), a `Clock`, and `ArgosClientRegistry`
 * (ArgosClientModule). Optionally `ScheduleModule.forRoot()`, to see the timer in SchedulerRegistry.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CleanupRunEntity, CleanupAuditEntity, CleanupLockEntity])],
  providers: [
    {
      provide: RETENTION_OPTIONS,
      useFactory: (o: RetentionModuleOptions) => resolveRetentionOptions(o),
      inject: [RETENTION_MODULE_OPTIONS],
    },
    { provide: CLEANUP_INSTANCE_ID, useFactory: () => randomUUID() },
    SqlRunner,
    ResultCleanupRepository,
    CleanupAuditRepository,
    CleanupRunRepository,
    ExpiredRowsRepository,
    PersonalDataRedactor,
    cleanupLockProvider,
    ArgosRateLimiter,
    ArgosDeletionStep,
    ResultDeletionWorker,
    CleanupBatchRunner,
    RunRecorderFactory,
    ExpiredRowsSweeper,
    CleanupService,
    CleanupScheduler,
    LegalHoldService,
    UserErasureService,
    CleanupReportService,
  ],
  exports: [
    CleanupService,
    CleanupScheduler,
    LegalHoldService,
    UserErasureService,
    CleanupReportService,
    RETENTION_OPTIONS,
  ],
})
export class RetentionModule extends RetentionConfigurableModule {}
