import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, SqlStep } from '@faceauth/core';
import { NotificationError, NotificationErrorCode } from '../notification.error';
import { NOOP_NOTIFICATION_METRICS, NotificationMetrics } from '../notification-metrics';
import { InjectNotificationsOptions, ResolvedNotificationsOptions } from '../notifications.options';
import { NotificationOutboxEntity } from '../persistence/notification-outbox.entity';
import { NotificationsRepository, Subscriber } from '../persistence/notifications.repository';
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

/** What `plan` built: the deliveries and the statements that write them. */
export interface PlannedNotification extends EnqueuedNotification {
  rows: NotificationOutboxEntity[];
  steps: SqlStep[];
}

/**
 * The producer's side of the transactional outbox. Either `plan` an event's deliveries as statements of the
 * atomic unit (`RawSql.atomic`) that writes the change it is about, or `enqueue` it with the `EntityManager`
 * of a TypeORM transaction: the deliveries commit or roll back with the change. Without a manager, `enqueue`
 * writes at once (no transaction).
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

  /**
   * The enabled endpoints as they are now (kept for about a second: see NotificationsRepository), for
   * {@link plan}: read before an atomic unit, which may not wait on anything inside.
   */
  subscribers(): Promise<readonly Subscriber[]> {
    return this.repository.subscribers();
  }

  /**
   * Builds an event's deliveries for `subscribers` without writing them: the statements to run in the
   * caller's atomic unit (`RawSql.atomic`), so that they commit with the change the event is about. Call
   * {@link committed} once the unit has committed (the metrics). Synchronous by design.
   */
  plan(event: NotificationEvent, subscribers: readonly Subscriber[]): PlannedNotification {
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
    const rows = subscribers
      .filter((s) => s.eventTypes === null || s.eventTypes.includes(event.type))
      .map((s) =>
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
    return {
      eventId,
      deliveryIds: rows.map((r) => r.id),
      payload,
      rows,
      steps: this.repository.deliveryInserts(rows),
    };
  }

  /** Counts the deliveries of a planned event once its unit committed. */
  committed(planned: PlannedNotification): void {
    if (planned.rows.length > 0) this.metrics.notification('enqueued', planned.rows.length);
  }

  /**
   * Writes an event's deliveries now: in the transaction of `manager` when given (they commit or roll back
   * with it; the endpoints are then read in it too), else at once.
   */
  async enqueue(
    manager: EntityManager | undefined | null,
    event: NotificationEvent,
  ): Promise<EnqueuedNotification> {
    const planned = this.plan(event, await this.repository.subscribers(manager ?? undefined));
    await this.repository.insertDeliveries(planned.rows, manager ?? undefined);
    this.committed(planned);
    return { eventId: planned.eventId, deliveryIds: planned.deliveryIds, payload: planned.payload };
  }
}
