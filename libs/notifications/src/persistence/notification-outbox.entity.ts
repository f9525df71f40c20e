import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { faceAuthTable, TimestampColumn } from '@faceauth/core';

export type DeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/**
 * One delivery of one event to one endpoint, written in the producer's transaction (transactional outbox)
 * and sent by the dispatcher. `eventId` is the `webhook-id` header: the same for every attempt and replay
 * of this delivery, so receivers can deduplicate. `payload` is the exact body, serialised once.
 */
@Entity({ name: faceAuthTable('notification_outbox') })
@Index('idx_notification_outbox_due', ['status', 'nextAttemptAt'])
@Index('idx_notification_outbox_endpoint', ['endpointId', 'createdAt', 'id'])
@Index('idx_notification_outbox_event', ['endpointId', 'eventId'], { unique: true })
export class NotificationOutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'varchar', length: 36 })
  endpointId!: string;

  /** `msg_<random>`, the `webhook-id`. */
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  /** The JSON body exactly as signed and sent. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;

  /** At most 256 characters of the receiver's last answer. */
  @Column({ name: 'response_excerpt', type: 'varchar', length: 256, nullable: true })
  responseExcerpt!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;
}
