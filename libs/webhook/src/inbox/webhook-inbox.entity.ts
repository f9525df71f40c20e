import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

/** `unverified`: Argos did not know the authentication id after the verification look-ups allowed. */
export type InboxStatus = 'pending' | 'processing' | 'done' | 'dead' | 'ignored' | 'unverified';

/**
 * Every acknowledged webhook (and every result found by reconciliation), unique by what it is about:
 * a redelivery lands on the same row. Rows are processed asynchronously and kept for the audit trail.
 */
@Entity({ name: faceAuthTable('webhook_inbox') })
@Index('idx_webhook_inbox_due', ['status', 'nextAttemptAt'])
@Index('idx_webhook_inbox_received', ['receivedAt', 'id'])
@Index('idx_webhook_inbox_status_received', ['status', 'receivedAt', 'id'])
// Added by the retention migration: a purge finds the result's stored events by authentication id.
@Index('idx_webhook_inbox_auth', ['authId'])
// The processor's claim: rows still to process, earliest due first (migration 1764100000012).
@Index('idx_webhook_inbox_claim', ['nextAttemptAt', 'id'], { where: "status IN ('pending', 'processing')" })
export class WebhookInboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `faceAuth:<authId>`, `token_expired:<tokenId>:<condition>` or `unknown:<sha256>`. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, unique: true })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 32 })
  trigger!: string;

  @Column({ name: 'auth_id', type: 'varchar', length: 128, nullable: true })
  authId!: string | null;

  @Column({ name: 'token_id', type: 'varchar', length: 64, nullable: true })
  tokenId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  project!: string | null;

  /** The normalised event as JSON (never the raw body). */
  @Column({ type: 'text' })
  payload!: string;

  /** 'webhook' or 'reconcile'. */
  @Column({ type: 'varchar', length: 16 })
  source!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: InboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @TimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @TimestampColumn({ name: 'processed_at', nullable: true })
  processedAt!: Date | null;
}
