import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

export type AuditSubjectType = 'result' | 'link';
export type AuditAction = 'argos_delete' | 'local_purge' | 'link_purge';
export type AuditReason = 'retention' | 'user_request';
/**
 * `deleted`: Argos confirmed our DELETE; `already_gone`: Argos no longer knew the record;
 * `verified_deleted`: an interrupted DELETE had landed (checked before sending another); `done`: a local
 * step; `failed`: given up after the retry period (reported; a later success overwrites it).
 */
export type AuditOutcome = 'deleted' | 'already_gone' | 'verified_deleted' | 'done' | 'failed';

/**
 * The proof of a deletion: what (subject and action), when, why and how it ended. One row per subject and
 * action. Never image bytes, personal fields or vendor messages: ids, codes and counts only.
 */
@Entity({ name: faceAuthTable('cleanup_audit') })
@Index('uq_cleanup_audit_subject_action', ['subjectType', 'subjectId', 'action'], { unique: true })
@Index('idx_cleanup_audit_at', ['at', 'id'])
export class CleanupAuditEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'run_id', type: 'varchar', length: 36, nullable: true })
  runId!: string | null;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType!: AuditSubjectType;

  /** The Argos authentication id (results) or our link id (links). */
  @Column({ name: 'subject_id', type: 'varchar', length: 128 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  project!: string | null;

  @Column({ type: 'varchar', length: 24 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 16 })
  reason!: AuditReason;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @TimestampColumn({ name: 'at' })
  at!: Date;
}
