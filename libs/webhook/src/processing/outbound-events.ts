import { Injectable, Optional } from '@nestjs/common';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { NotificationOutbox, PlannedNotification, Subscriber } from '@faceauth/notifications';
import { PolicyViolation, ResultIdentity } from '@faceauth/results';
import { Clock, SqlSteps } from '@faceauth/core';
import {
  FaceAuthTokenEntity,
  LINK_EVENT_TYPES,
  linkEventDataOf,
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
 * through the token policy's `OutcomePublisher`). Their outbox rows are statements of the unit that records
 * the result ({@link prepareOutcome} for the outcome, handed to the token ledger; {@link resultSteps} for the
 * result's), keyed by their cause, so that the row's retries after a crash repeat nothing; the host hears of
 * them once the unit committed ({@link resultCommitted}). A retry of the deciding result re-announces the
 * outcome (a keyed no-op in the outbox, the host event again: at least once).
 */
@Injectable()
export class OutboundEventWriter {
  constructor(
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

  /** The endpoints the result's events may go to, read before the unit (which may not wait on anything). */
  async subscribers(): Promise<readonly Subscriber[]> {
    return this.outbox ? this.outbox.subscribers() : [];
  }

  /**
   * The outbox statements of a stored result, in the unit that stored it (after the ledger's statements):
   * its own event when an endpoint takes it, and the outcome again when this result decided it in an earlier
   * run (a retry after a crash: keyed, so a no-op at each endpoint, but the host hears it again). `linkRow`:
   * the verified link's row as the unit left it. Synchronous; pass what it returns to {@link resultCommitted}.
   */
  *resultSteps(
    stored: StoredResult,
    linkRow: FaceAuthTokenEntity | null,
    subscribers: readonly Subscriber[],
    prepared?: PreparedOutcome,
  ): SqlSteps<ResultEvents> {
    const verdict = stored.verdict;
    const decided = verdict?.decidedByThis === true && stored.linkId !== null;
    const kind = stored.policyViolation ? 'policy_violation' : 'stored';
    const type = `faceauth.result.${kind}`;
    const written: ResultEvents = { announcement: prepared?.announcement ?? null, planned: null };
    // Decided in this unit: the ledger's statements wrote the announcement already.
    const repeated = decided && prepared?.announcement.pending !== true;
    // Every processed webhook passes here: nothing is built for an event no endpoint takes.
    const wanted =
      this.outbox !== undefined &&
      subscribers.some((s) => s.eventTypes === null || s.eventTypes.includes(type));
    if (!wanted && !repeated) return written;
    if (wanted && this.outbox) {
      const link = linkRow ? linkEventDataOf(linkRow, this.clock.now()) : null;
      written.planned = this.outbox.plan(
        {
          type,
          key: `result:${stored.record.authId}:${kind}`,
          timestamp: stored.record.createdAt ?? undefined,
          data: { result: resultEventData(stored), link },
        },
        subscribers,
      );
      for (const step of written.planned.steps) yield step;
    }
    // A retry of the result that decided (its first run crashed after the decision): the outbox rows are
    // there (these inserts are keyed no-ops), the host hears it again.
    if (repeated && linkRow && prepared) for (const step of prepared.announce(linkRow)) yield step;
    return written;
  }

  /** Once the unit of {@link resultSteps} committed: counts the deliveries and tells the host of the outcome. */
  async resultCommitted(written: ResultEvents): Promise<void> {
    if (written.announcement) await written.announcement.committed();
    if (written.planned) this.outbox?.committed(written.planned);
  }
}

/** What {@link OutboundEventWriter.resultSteps} wrote, for {@link OutboundEventWriter.resultCommitted}. */
export interface ResultEvents {
  announcement: OutcomeAnnouncement | null;
  planned: PlannedNotification | null;
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
