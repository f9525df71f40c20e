import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';
import type { LinkMetadata } from '../links/link-context';
import type { LinkOutcomeReason, LinkOutcomeStatus } from '../outcome/link-outcome.type';

/**
 * One FaceAuth link: its random token id, the fields bound into its encrypted URL, its policy and its use
 * state. The ciphertext is never stored: it is rebuilt from these fields whenever needed.
 */
@Entity({ name: faceAuthTable('tokens') })
@Index('idx_faceauth_tokens_created', ['createdAt', 'id'])
@Index('idx_faceauth_tokens_pending', ['expiresAt'], { where: "outcome_status = 'pending'" })
export class FaceAuthTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  token!: string;

  @Column({ type: 'varchar', length: 64 })
  project!: string;

  @Index('idx_faceauth_tokens_sid')
  @Column({ type: 'varchar', length: 256 })
  sid!: string;

  @Index('idx_faceauth_tokens_user')
  @Column({ name: 'auth_user_id', type: 'varchar', length: 256, nullable: true })
  authUserId!: string | null;

  @Column({ name: 'auth_cf1', type: 'text', nullable: true })
  authCf1!: string | null;

  @Column({ name: 'auth_cf2', type: 'text', nullable: true })
  authCf2!: string | null;

  @Column({ name: 'auth_cf3', type: 'text', nullable: true })
  authCf3!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  lang!: string | null;

  @Column({ name: 'policy_mode', type: 'varchar', length: 8 })
  policyMode!: 'count' | 'time';

  @Column({ name: 'max_uses', type: 'integer', nullable: true })
  maxUses!: number | null;

  @Column({ name: 'window_seconds', type: 'integer', nullable: true })
  windowSeconds!: number | null;

  @Column({ name: 'consume_on', type: 'varchar', length: 8 })
  consumeOn!: 'result' | 'open';

  @Column({ name: 'use_count', type: 'integer', default: 0 })
  useCount!: number;

  /**
   * The keys of the uses recorded so far (`,key1,key2,`), e.g. Argos authentication ids: recording the
   * same use twice (a redelivered webhook, a retried job) is a no-op.
   */
  @Column({ name: 'use_keys', type: 'text', default: '' })
  useKeys!: string;

  @TimestampColumn({ name: 'first_used_at', nullable: true })
  firstUsedAt!: Date | null;

  @TimestampColumn({ name: 'window_ends_at', nullable: true })
  windowEndsAt!: Date | null;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** Set when Argos reported the token expired (`token_expired` webhook). */
  @TimestampColumn({ name: 'expired_at', nullable: true })
  expiredAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 320, nullable: true, unique: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_fingerprint', type: 'varchar', length: 64, nullable: true })
  requestFingerprint!: string | null;

  /**
   * Whether the Face Auth URL carries the token. False only for a project whose Argos token expiration is
   * off: the URL then holds the submission (and person) alone, and only the short link enforces the policy.
   */
  // `() => 'true'`: as the migration wrote it (see CleanupRunEntity.dryRun).
  @Column({ name: 'token_in_url', type: 'boolean', default: () => 'true' })
  tokenInUrl!: boolean;

  /** The company's own reference for this link (e.g. an order id), filterable; null when none was given. */
  @Index('idx_faceauth_tokens_client_ref')
  @Column({ name: 'client_reference', type: 'varchar', length: 256, nullable: true })
  clientReference!: string | null;

  /** The company's own key/value context as JSON text; null when none was given. */
  @Column({ type: 'simple-json', nullable: true })
  metadata!: LinkMetadata | null;

  /**
   * The stored verdict (see outcome/link-outcome.ts): `pending` until an approval, a rejection at the last
   * use or a revocation decides it, once (`WHERE outcome_status = 'pending'`).
   */
  @Column({ name: 'outcome_status', type: 'varchar', length: 16, default: 'pending' })
  outcomeStatus!: LinkOutcomeStatus;

  /** The authentication that decided the outcome; while pending, the last rejected one (if any). */
  @Column({ name: 'outcome_auth_id', type: 'varchar', length: 128, nullable: true })
  outcomeAuthId!: string | null;

  @TimestampColumn({ name: 'outcome_decided_at', nullable: true })
  outcomeDecidedAt!: Date | null;

  @Column({ name: 'outcome_reason', type: 'varchar', length: 32, nullable: true })
  outcomeReason!: LinkOutcomeReason | null;
}
