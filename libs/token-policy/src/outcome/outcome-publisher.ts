import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SqlStep } from '@faceauth/core';
import { NotificationOutbox, PlannedNotification, Subscriber } from '@faceauth/notifications';
import { FaceAuthTokenEntity } from '../persistence/faceauth-token.entity';
import {
  FaceAuthOutcomeEvent,
  LinkEventData,
  linkEventDataOf,
  linkEventType,
  linkOutcomeEventKey,
  OutcomeResultData,
} from './link-event';

/** The host event of a decided outcome (`@OnFaceAuthOutcome()`). */
export const FACEAUTH_OUTCOME_EVENT = 'faceauth.outcome';

/** The event announcing `link`'s outcome, or null while it is pending. */
function outcomeEvent(
  link: LinkEventData,
  result: OutcomeResultData | null,
  now: Date,
): FaceAuthOutcomeEvent | null {
  const type = linkEventType(link.outcome.status);
  if (!type) return null;
  return { type, timestamp: link.outcome.decidedAt ?? now.toISOString(), data: { link, result } };
}

/**
 * Announcements of outcomes decided inside atomic units (`RawSql.atomic`): `steps` builds, synchronously,
 * the outbox statements that commit with the decision; `committed` then tells the host. Made by
 * {@link OutcomePublisher.prepare}, which reads the endpoints beforehand (a unit may not wait on anything).
 */
export class OutcomeAnnouncement {
  private planned: PlannedNotification[] = [];
  private events: FaceAuthOutcomeEvent[] = [];

  constructor(
    private readonly subscribers: readonly Subscriber[],
    private readonly outbox?: NotificationOutbox,
    private readonly emitter?: EventEmitter2,
  ) {}

  /** The outbox statements announcing `row`'s decided outcome (none while it is pending). */
  steps(row: FaceAuthTokenEntity, result: OutcomeResultData | null, now: Date): SqlStep[] {
    const event = outcomeEvent(linkEventDataOf(row, now), result, now);
    if (!event) return [];
    this.events.push(event);
    if (!this.outbox) return [];
    const planned = this.outbox.plan(
      { ...event, key: linkOutcomeEventKey(row.id), timestamp: new Date(event.timestamp) },
      this.subscribers,
    );
    this.planned.push(planned);
    return planned.steps;
  }

  /** Whether `steps` built an announcement (an outcome decided in the unit) not yet completed. */
  get pending(): boolean {
    return this.events.length > 0;
  }

  /** After the unit committed: counts its deliveries and emits its host events (at least once). */
  async committed(): Promise<void> {
    const [planned, events] = [this.planned, this.events];
    this.planned = [];
    this.events = [];
    for (const p of planned) this.outbox?.committed(p);
    for (const event of events) await this.emitter?.emitAsync(FACEAUTH_OUTCOME_EVENT, event);
  }

  /** The unit rolled back: forgets what `steps` built. */
  discarded(): void {
    this.planned = [];
    this.events = [];
  }
}

/**
 * Tells the company a link's outcome was decided — approved, rejected, expired or revoked — with one
 * payload: a signed outbound webhook when the notifications module is present (keyed by the link, so that
 * a repeated announcement reaches each endpoint once), and the same body as a host event when the host has
 * `@nestjs/event-emitter` (at least once: key on `data.link.id`).
 */
@Injectable()
export class OutcomePublisher {
  constructor(
    @Optional() private readonly notifications?: NotificationOutbox,
    @Optional() private readonly emitter?: EventEmitter2,
  ) {}

  /** For deciders that write the announcement in the decision's own atomic unit (revocation, expiry). */
  async prepare(): Promise<OutcomeAnnouncement> {
    const subscribers = this.notifications ? await this.notifications.subscribers() : [];
    return new OutcomeAnnouncement(subscribers, this.notifications, this.emitter);
  }

  /**
   * Announces an outcome already committed, for a decider whose cause is durable and retried until this
   * has run (a webhook's inbox row): the key makes the retry's announcement a no-op at each endpoint.
   */
  async decided(link: LinkEventData, result: OutcomeResultData | null, now: Date): Promise<void> {
    const event = outcomeEvent(link, result, now);
    if (!event) return;
    await this.notifications?.enqueue(undefined, {
      ...event,
      key: linkOutcomeEventKey(link.id),
      timestamp: new Date(event.timestamp),
    });
    await this.emitter?.emitAsync(FACEAUTH_OUTCOME_EVENT, event);
  }
}
