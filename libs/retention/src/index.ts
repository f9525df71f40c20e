export { RetentionModule } from './retention.module';
export { RETENTION_MODULE_OPTIONS } from './retention.module-definition';
export {
  InjectRetentionOptions,
  MAX_RESULT_RETENTION_DAYS,
  type RetentionModuleOptions,
  type ResolvedRetentionOptions,
} from './retention.options';
export { RetentionError, RetentionErrorCode } from './retention.error';
export { CleanupService } from './cleanup/cleanup.service';
export { CleanupScheduler } from './cleanup/cleanup.scheduler';
export type { CleanupRequest, CleanupProgress, CleanupRunSummary } from './cleanup/cleanup-run.type';
export { LegalHoldService, type LegalHoldView } from './policy/legal-hold.service';
export { UserErasureService, type UserErasureReport } from './policy/user-erasure.service';
export { type ErasureRemainder, type ErasureRemainderReason } from './policy/erasure-remainder';
export { retentionSchedule, type RetentionSchedule } from './policy/retention-policy';
export {
  CleanupReportService,
  type OverdueReport,
  type OverdueResultView,
  type Page,
} from './reporting/cleanup-report.service';
export {
  CleanupRunEntity,
  type CleanupTrigger,
  type CleanupRunOutcome,
} from './persistence/cleanup-run.entity';
export {
  CleanupAuditEntity,
  type AuditAction,
  type AuditOutcome,
  type AuditReason,
  type AuditSubjectType,
} from './persistence/cleanup-audit.entity';
export { CleanupLockEntity } from './persistence/cleanup-lock.entity';
export type { RunCounts } from './persistence/cleanup-run.repository';
export { resolveRetentionOptions } from './retention.options';
