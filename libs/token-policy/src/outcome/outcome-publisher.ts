import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NotificationOutbox } from '@faceauth/notifications';
import { LinkView } from '../links/link.type';
import {
  FaceAuthOutcomeEvent,
  linkEventData,
  linkEventType,
  linkOutcomeEventKey,
  OutcomeResultData,
} from './link-event';

/** The host event of a decided outcome (`@OnFaceAuthOutcome()`). */
export const FACEAUTH_OUTCOME_EVENT = 'faceauth.outcome';

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

  async decided(view: LinkView, result: OutcomeResultData | null, now: Date): Promise<void> {
    const type = linkEventType(view.outcome.status);
    if (!type) return;
    const timestamp = view.outcome.decidedAt ?? now;
    const data = { link: linkEventData(view), result };
    await this.notifications?.enqueue(undefined, {
      type,
      key: linkOutcomeEventKey(view.id),
      timestamp,
      data,
    });
    const event: FaceAuthOutcomeEvent = { type, timestamp: timestamp.toISOString(), data };
    await this.emitter?.emitAsync(FACEAUTH_OUTCOME_EVENT, event);
  }
}
