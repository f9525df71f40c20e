import { Column, ColumnOptions, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';
import type { PolicyViolation } from './policy-violation';

/**
 * One FaceAuth authentication as we know it, keyed by the Argos authentication id. Images are never
 * stored here (they are fetched from Argos on demand). After a purge only id, project, status and times
 * remain, as Argos itself keeps after a DELETE.
 */
@Entity({ name: faceAuthTable('results') })
@Index('idx_faceauth_results_created', ['createdAt', 'authId'])
@Index('idx_faceauth_results_cleanup_pending', ['createdAt', 'authId'], {
  where: 'purged_at IS NULL OR argos_deleted_at IS NULL',
})
@Index('idx_faceauth_results_cleanup_due', ['cleanupDueAt'], { where: 'cleanup_due_at IS NOT NULL' })
export class FaceAuthResultEntity {
  @PrimaryColumn({ name: 'auth_id', type: 'varchar', length: 128 })
  authId!: string;

  @Column({ type: 'varchar', length: 64 })
  project!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Index('idx_faceauth_results_submission')
  @Column({ name: 'submission_id', type: 'varchar', length: 256, nullable: true })
  submissionId!: string | null;

  @Index('idx_faceauth_results_user')
  @Column({ name: 'auth_user_id', type: 'varchar', length: 256, nullable: true })
  authUserId!: string | null;

  @Column({ type: 'text', nullable: true }) cf1!: string | null;
  @Column({ type: 'text', nullable: true }) cf2!: string | null;
  @Column({ type: 'text', nullable: true }) cf3!: string | null;

  @Column({ name: 'token_id', type: 'varchar', length: 64, nullable: true })
  tokenId!: string | null;

  /** Our link the result was reached through (its token, verified against the link's submission). */
  @Index('idx_faceauth_results_link')
  @Column({ name: 'link_id', type: 'varchar', length: 36, nullable: true })
  linkId!: string | null;

  /**
   * Where the person fields and the link came from: 'link', 'submission' (our direct submission) or
   * 'webhook' (the webhook's unsigned fields, a hint); null when nothing named the person.
   */
  @Column({ name: 'identity_source', type: 'varchar', length: 16, nullable: true })
  identitySource!: string | null;

  @Column({ name: 'submit_type', type: 'varchar', length: 16, nullable: true })
  submitType!: string | null;

  /** Scores and thresholds as JSON text; null after a purge. */
  @Column({ type: 'simple-json', nullable: true })
  scores!: Record<string, number> | null;

  @Column({ name: 'fail_codes', type: 'simple-json', nullable: true })
  failCodes!: string[] | null;

  @Column({ name: 'reject_comments', type: 'simple-json', nullable: true })
  rejectComments!: string[] | null;

  /** How we learnt of it: 'api' (direct submission), 'webhook', 'reconcile', 'refresh'. */
  @Column({ type: 'varchar', length: 16 })
  source!: string;

  /** Argos' create_time, or our receipt time when Argos gave none. */
  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @TimestampColumn({ name: 'purged_at', nullable: true })
  purgedAt!: Date | null;

  @TimestampColumn({ name: 'argos_deleted_at', nullable: true })
  argosDeletedAt!: Date | null;

  /**
   * Why this result did not count for the link it came through (`used`, `expired`, `revoked`,
   * `submission_mismatch`); null when it counted or came through no link.
   */
  @Column({ name: 'policy_violation', type: 'varchar', length: 32, nullable: true })
  policyViolation!: PolicyViolation | null;

  // `() => 'false'`: as the migration wrote it (see CleanupRunEntity.dryRun).
  @Column({ name: 'legal_hold', type: 'boolean', default: () => 'false' })
  legalHold!: boolean;

  // The cleanup state (retention migration). Owned by the retention statements alone: declared here so
  // that the schema TypeORM derives from the entities matches the migrations (a generated migration must
  // not propose dropping them), but never selected, inserted or updated through the entity, so that
  // recording a result can never reset a cleanup in progress.
  @RetentionStateColumn({ name: 'cleanup_due_at', type: 'bigint' })
  cleanupDueAt?: string | null;

  @RetentionStateColumn({ name: 'cleanup_lease_until', type: 'bigint' })
  cleanupLeaseUntil?: string | null;

  @RetentionStateColumn({ name: 'cleanup_attempts', type: 'integer', nullable: false, default: 0 })
  cleanupAttempts?: number;

  @RetentionStateColumn({ name: 'cleanup_next_at', type: 'bigint' })
  cleanupNextAt?: string | null;

  @RetentionStateColumn({ name: 'cleanup_first_failure_at', type: 'bigint' })
  cleanupFirstFailureAt?: string | null;

  @RetentionStateColumn({ name: 'cleanup_failed_at', type: 'bigint' })
  cleanupFailedAt?: string | null;

  @RetentionStateColumn({ name: 'cleanup_last_error', type: 'varchar', length: 64 })
  cleanupLastError?: string | null;

  @RetentionStateColumn({ name: 'argos_delete_sent_at', type: 'bigint' })
  argosDeleteSentAt?: string | null;
}

/** A column only the retention statements read and write (see the cleanup state above). */
function RetentionStateColumn(options: ColumnOptions): PropertyDecorator {
  return Column({ nullable: true, ...options, select: false, insert: false, update: false });
}
