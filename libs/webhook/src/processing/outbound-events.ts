import { Injectable, Optional } from '@nestjs/common';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { NotificationOutbox } from '@faceauth/notifications';
import { PolicyViolation, ResultIdentity } from '@faceauth/results';
import { Clock } from '@faceauth/core';
import {
  LINK_EVENT_TYPES,
  LinkService,
  OutcomePublisher,
  OutcomeResultData,
  ResultVerdict,
} from '@faceauth/token-policy';

/** The outbound event types about stored results. */
export const RESULT_EVENT_TYPES = ['faceauth.result.stored', 'faceauth.result.policy_violation'] as const;

/** Every outbound event type the product emits (the notifications module's `eventTypes`). */
export const FACEAUTH_OUTBOUND_EVENT_TYPES: readonly string[] = [...LINK_EVENT_TYPES, ...RESULT_EVENT_TYPES];

/** A result as an outbound event carries it: what Argos decided and whose link it counted for, no scores. */
export type ResultEventData = OutcomeResultData;

export interface StoredResult {
  project: string;
  record: FaceAuthRecord;
  identity: ResultIdentity | null;
  policyViolation: PolicyViolation | null;
  /** The verified link's id and what the result did to it; null without one. */
  linkId: string | null;
  verdict: ResultVerdict | null;
}

/**
 * The events of a processed result: the signed `faceauth.result.stored` (or `.policy_violation`) when the
 * host has the notifications module, and, when this result decided its link, the outcome (signed webhook
 * and host event, through the token policy's `OutcomePublisher`). Every event is keyed by its cause, so the inbox row's retries after
 * a crash (the durable cause: it stays pending until this has run) repeat nothing.
 */
@Injectable()
export class OutboundEventWriter {
  constructor(
    private readonly links: LinkService,
    private readonly outcomes: OutcomePublisher,
    private readonly clock: Clock,
    @Optional() private readonly outbox?: NotificationOutbox,
  ) {}

  async resultProcessed(stored: StoredResult): Promise<void> {
    const decided = stored.verdict?.decidedByThis === true && stored.linkId !== null;
    const kind = stored.policyViolation ? 'policy_violation' : 'stored';
    const type = `faceauth.result.${kind}`;
    // Every processed webhook passes here: nothing is read or built for an event no endpoint takes.
    const wanted = this.outbox ? await this.outbox.hasSubscribers(type) : false;
    if (!wanted && !decided) return;
    const link = stored.linkId ? await this.links.eventData(stored.linkId) : null;
    const result = resultEventData(stored);
    if (wanted) {
      await this.outbox?.enqueue(undefined, {
        type,
        key: `result:${stored.record.authId}:${kind}`,
        timestamp: stored.record.createdAt ?? undefined,
        data: { result, link },
      });
    }
    if (decided && link) await this.outcomes.decided(link, result, this.clock.now());
  }
}

function resultEventData(stored: StoredResult): ResultEventData {
  const { record } = stored;
  return {
    authId: record.authId,
    project: stored.project,
    status: record.status,
    submissionId: record.submissionId ?? null,
    linkId: stored.linkId,
    identitySource: stored.identity?.source ?? null,
    policyViolation: stored.policyViolation,
    failCodes: record.failCodes,
    createdAt: record.createdAt?.toISOString() ?? null,
  };
}
