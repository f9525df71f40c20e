import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

/**
 * A receiver of signed outbound webhooks (Standard Webhooks). `secret` is the current `whsec_…` key; after a
 * rotation the old key stays in `previousSecret` until `previousSecretExpiresAt`, and deliveries meanwhile
 * carry both signatures. `consecutiveFailures` counts deliveries that ended `failed` (retries exhausted) since
 * the endpoint last answered 2xx; past the configured run the endpoint is disabled (`disabledReason`).
 */
@Entity({ name: faceAuthTable('notification_endpoints') })
@Index('idx_notification_endpoints_created', ['createdAt', 'id'])
export class NotificationEndpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  /** The event types this endpoint receives (JSON text); null: every type. */
  @Column({ name: 'event_types', type: 'simple-json', nullable: true })
  eventTypes!: string[] | null;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 128, nullable: true })
  previousSecret!: string | null;

  @TimestampColumn({ name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true })
  disabledReason!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
