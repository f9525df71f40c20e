import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@faceauth/core';
import { NotificationError, NotificationErrorCode } from '../notification.error';
import { NOOP_NOTIFICATION_METRICS, NotificationMetrics } from '../notification-metrics';
import { InjectNotificationsOptions, ResolvedNotificationsOptions } from '../notifications.options';
import { NotificationOutboxEntity } from '../persistence/notification-outbox.entity';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { generateMessageId, messageIdFor } from '../signing/webhook-secret';

/** An event to notify: `data` must be JSON-serialisable. */
export interface NotificationEvent {
  type: string;
  data: unknown;
  /** When the event happened (the body's `timestamp`); default: now. */
  timestamp?: Date;
  /**
   * A stable key of the event's cause (e.g. `link:<id>:approved`): the `webhook-id` is derived from it, so
   * enqueuing the same event again (its cause retried after a crash) writes no second delivery. Default: a
   * random id (every call is a new event).
   */
  key?: string;
}

/** What `enqueue` wrote: one delivery per subscribed endpoint, all with the same body. */
export interface EnqueuedNotification {
  /** The `webhook-id` of every delivery of this event. */
  eventId: string;
  /** Delivery (outbox row) ids, one per endpoint. */
  deliveryIds: string[];
  /** The exact body every endpoint receives. */
  payload: string;
}

/**
 * The producer's side of the transactional outbox. Call `enqueue` with the `EntityManager` of the
 * transaction that writes the change the event is about: the deliveries commit or roll back with it.
 * Without a manager, the rows are written at once (no transaction).
 */
@Injectable()
export class NotificationOutbox {
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
    @InjectNotificationsOptions() options: ResolvedNotificationsOptions,
    @Optional() private readonly metrics: NotificationMetrics = NOOP_NOTIFICATION_METRICS,
  ) {
    this.known = new Set(options.eventTypes);
  }

  /** Deliveries not settled yet and the earliest next attempt among them (the backlog metric). */
  backlog(): Promise<{ waiting: number; oldestNextAttemptAt: Date | null }> {
    return this.repository.backlog();
  }

  /** Whether any enabled endpoint takes events of `type` (producers skip building a payload nobody takes). */
  async hasSubscribers(type: string): Promise<boolean> {
    const subscribers = await this.repository.subscribers();
    return subscribers.some((s) => s.eventTypes === null || s.eventTypes.includes(type));
  }

  async enqueue(
    manager: EntityManager | undefined | null,
    event: NotificationEvent,
  ): Promise<EnqueuedNotification> {
    if (!this.known.has(event.type)) {
      throw new NotificationError(
        NotificationErrorCode.UNKNOWN_EVENT_TYPE,
        `event type ${JSON.stringify(event.type.slice(0, 64))} is not one of the configured event types`,
      );
    }
    const now = this.clock.now();
    // Serialised once: the bytes signed and sent on every attempt and replay.
    const payload = JSON.stringify({
      type: event.type,
      timestamp: (event.timestamp ?? now).toISOString(),
      data: event.data ?? null,
    });
    // The event's `webhook-id`, shared by its deliveries to every endpoint and kept across retries.
    const eventId = event.key === undefined ? generateMessageId() : messageIdFor(event.key);
    const subscribers = (await this.repository.subscribers(manager ?? undefined)).filter(
      (s) => s.eventTypes === null || s.eventTypes.includes(event.type),
    );
    const rows = subscribers.map((s) =>
      Object.assign(new NotificationOutboxEntity(), {
        id: randomUUID(),
        endpointId: s.id,
        eventId,
        eventType: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lastStatusCode: null,
        lastError: null,
        responseExcerpt: null,
        createdAt: now,
        deliveredAt: null,
      } satisfies NotificationOutboxEntity),
    );
    await this.repository.insertDeliveries(rows, manager ?? undefined);
    if (rows.length > 0) this.metrics.notification('enqueued', rows.length);
    return { eventId, deliveryIds: rows.map((r) => r.id), payload };
  }
}
