import { Injectable, Optional } from '@nestjs/common';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { NotificationOutbox } from '@faceauth/notifications';
import { PolicyViolation, ResultIdentity } from '@faceauth/results';
import { Clock } from '@faceauth/core';
import {
  LINK_EVENT_TYPES,
  LinkService,
  OutcomeAnnouncement,
  OutcomeAnnouncer,
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

/** What the events say of a result: its record, project, identity, link, and why it did not count. */
export type ResultEventSource = Omit<StoredResult, 'verdict'>;

/**
 * The events of a processed result: the signed `faceauth.result.stored` (or `.policy_violation`) when the
 * host has the notifications module, and the outcome the result decided (signed webhook and host event,
 * through the token policy's `OutcomePublisher`). The outcome's outbox rows commit with the decision itself
 * ({@link prepareOutcome}, handed to the token ledger); the result's are written after the result is stored and
 * before the inbox row is marked done, keyed by their cause, so that the row's retries after a crash repeat
 * nothing. A retry of the deciding result re-emits the host event (at least once).
 */
@Injectable()
export class OutboundEventWriter {
  constructor(
    private readonly links: LinkService,
    private readonly outcomes: OutcomePublisher,
    private readonly clock: Clock,
    @Optional() private readonly outbox?: NotificationOutbox,
  ) {}

  /**
   * Before the result is recorded against its link: the announcer that writes the outcome this result may
   * decide, in the decision's own atomic unit, and the announcement to complete once it committed.
   */
  async prepareOutcome(source: ResultEventSource): Promise<PreparedOutcome> {
    const announcement = await this.outcomes.prepare();
    const result = resultEventData({ ...source, policyViolation: null });
    const now = this.clock.now();
    return { announcement, announce: (decided) => announcement.steps(decided, result, now) };
  }

  async resultProcessed(stored: StoredResult, prepared?: PreparedOutcome): Promise<void> {
    const verdict = stored.verdict;
    const decided = verdict?.decidedByThis === true && stored.linkId !== null;
    const kind = stored.policyViolation ? 'policy_violation' : 'stored';
    const type = `faceauth.result.${kind}`;
    // Decided in the ledger's unit: its outbox rows committed with the decision, the host is told now.
    const announcedNow = prepared?.announcement.pending === true;
    if (announcedNow) await prepared.announcement.committed();
    const repeated = decided && !announcedNow;
    // Every processed webhook passes here: nothing is read or built for an event no endpoint takes.
    const wanted = this.outbox ? await this.outbox.hasSubscribers(type) : false;
    if (!wanted && !repeated) return;
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
    // A retry of the result that decided (its first run crashed after the decision): the outbox rows are
    // there (this enqueue is a keyed no-op), the host hears it again.
    if (repeated && link) await this.outcomes.decided(link, result, this.clock.now());
  }
}

/** What {@link OutboundEventWriter.prepareOutcome} gives the token ledger and keeps for after the commit. */
export interface PreparedOutcome {
  announcement: OutcomeAnnouncement;
  announce: OutcomeAnnouncer;
}

function resultEventData(source: ResultEventSource): ResultEventData {
  const { record } = source;
  return {
    authId: record.authId,
    project: source.project,
    status: record.status,
    submissionId: record.submissionId ?? null,
    linkId: source.linkId,
    identitySource: source.identity?.source ?? null,
    policyViolation: source.policyViolation,
    failCodes: record.failCodes,
    createdAt: record.createdAt?.toISOString() ?? null,
  };
}
