import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

/** What started a cleanup run. */
export type CleanupTrigger = 'schedule' | 'api' | 'cli' | 'user_request';

/**
 * `running` while in progress (a run left `running` by a killed process becomes `interrupted` at the next
 * run); `completed` when every due row was settled; `partial` when some rows wait for a retry or failed.
 */
export type CleanupRunOutcome = 'running' | 'completed' | 'partial' | 'interrupted' | 'failed';

/** One cleanup run (scheduled ticks that found nothing to do are not recorded). Counts only, no personal data. */
@Entity({ name: faceAuthTable('cleanup_runs') })
@Index('idx_cleanup_runs_started', ['startedAt', 'id'])
export class CleanupRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  trigger!: CleanupTrigger;

  // Written as the migration wrote it (`false`): TypeORM renders `default: false` as `0` on SQLite, which
  // it would then report as a difference from the migrated schema.
  @Column({ name: 'dry_run', type: 'boolean', default: () => 'false' })
  dryRun!: boolean;

  @Column({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: CleanupRunOutcome;

  @TimestampColumn({ name: 'started_at' })
  startedAt!: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  /** Results found due (in a dry run: that would be processed). */
  @Column({ type: 'integer', default: 0 }) due!: number;
  /** Results past their deadline but under legal hold (dry runs only). */
  @Column({ type: 'integer', default: 0 }) held!: number;
  @Column({ name: 'argos_deleted', type: 'integer', default: 0 }) argosDeleted!: number;
  @Column({ name: 'already_gone', type: 'integer', default: 0 }) alreadyGone!: number;
  @Column({ type: 'integer', default: 0 }) purged!: number;
  @Column({ type: 'integer', default: 0 }) retrying!: number;
  @Column({ type: 'integer', default: 0 }) failed!: number;
  @Column({ name: 'tokens_deleted', type: 'integer', default: 0 }) tokensDeleted!: number;
  @Column({ name: 'inbox_deleted', type: 'integer', default: 0 }) inboxDeleted!: number;

  /** Why a run failed as a whole (an error code, never a message that could quote data). */
  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;
}
