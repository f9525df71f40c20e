import { Injectable } from '@nestjs/common';
import { Clock, SqlSteps } from '@faceauth/core';
import { PolicyViolation, ResultRepository } from '@faceauth/results';
import { ExpiryMark, RecordedResult, TokenUsagePort } from '@faceauth/token-policy';
import {
  ArgosWebhookEvent,
  FaceAuthWebhookEvent,
  TokenExpiredWebhookEvent,
} from '../payload/argos-webhook-event';
import { WebhookInboxEntity } from '../inbox/webhook-inbox.entity';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';
import { FaceAuthEventPublisher } from './faceauth-events';
import { OutboundEventWriter, ResultEvents } from './outbound-events';
import { concernsFaceAuth } from '../payload/faceauth-service';
import { ProjectResolver } from './project-resolver';
import { ResultIdentityResolver } from './result-identity.resolver';
import { VerificationLookupService } from './verification-lookup.service';
import { recordFromWebhook } from './webhook-record';

/**
 * How one inbox row is applied, prepared by {@link InboxEventHandler.prepare}: everything read beforehand
 * (the link, the project, the verification fetch), then the row's writes as statements of an atomic unit,
 * which may carry other rows' writes too (the processor's batch), then what tells the host once it committed.
 */
export interface InboxRowPlan {
  /** The project the row belonged to (null when it had none). */
  readonly project: string | null;
  /**
   * The row's writes, synchronous, deciding only from the rows its statements return. May run again after a
   * rolled-back unit (each run starts afresh).
   */
  steps(): SqlSteps<void>;
  /** Once the unit that ran {@link steps} committed: host events, announcements, metrics. */
  committed(): Promise<void>;
}

/**
 * Applies inbox rows. Every effect is idempotent (results are upserted, token uses are keyed by the
 * authentication id, expiry keeps its first instant, outbox rows are keyed by their cause), so a retry after
 * a crash repeats nothing.
 */
@Injectable()
export class InboxEventHandler {
  constructor(
    private readonly projects: ProjectResolver,
    private readonly identities: ResultIdentityResolver,
    private readonly lookups: VerificationLookupService,
    private readonly results: ResultRepository,
    private readonly tokens: TokenUsagePort,
    private readonly events: FaceAuthEventPublisher,
    private readonly outbound: OutboundEventWriter,
    private readonly clock: Clock,
    @InjectWebhookOptions() private readonly options: ResolvedWebhookOptions,
  ) {}

  /** The reads (and the verification fetch) of a row, and the plan of its writes. */
  async prepare(row: WebhookInboxEntity): Promise<InboxRowPlan> {
    const event = JSON.parse(row.payload) as ArgosWebhookEvent;
    if (event.kind === 'faceAuth') return this.faceAuth(row, event);
    if (event.kind === 'tokenExpired') return this.tokenExpired(event);
    return NOTHING;
  }

  private async faceAuth(row: WebhookInboxEntity, event: FaceAuthWebhookEvent): Promise<InboxRowPlan> {
    // One look-up of the token serves both the project and the identity.
    const named = event.tokenId ? await this.tokens.linkOf(event.tokenId) : null;
    const resolved = await this.projects.resolve(event.authId, named?.project ?? null, row.project);
    const fromWebhook = recordFromWebhook(event);
    const record = this.options.verifyByFetch
      ? (resolved.record ?? (await this.lookups.getResult(resolved.project, event.authId)))
      : fromWebhook;
    const now = this.clock.now();
    const { identity, link } = this.identities.resolve(event, named, record, resolved.project);
    const project = resolved.project;
    const outcome = link
      ? await this.outbound.prepareOutcome({
          project,
          record,
          identity: identity ?? null,
          policyViolation: null,
          linkId: link.linkId,
        })
      : undefined;
    const subscribers = await this.outbound.subscribers();
    const { tokens, results, outbound, events } = this;
    let written: {
      recorded: RecordedResult | null;
      policyViolation: PolicyViolation | null;
      sent: ResultEvents;
    } | null = null;
    return {
      project,
      *steps() {
        written = null;
        outcome?.announcement.discarded(); // what a rolled-back run built
        // Only a verified link is judged: a token naming another submission's link changes nothing there,
        // and the result says so. The link is judged before the result is stored, in the same unit.
        const recorded = link
          ? yield* tokens.recordResultSteps(
              link.token,
              { authId: record.authId, status: record.status, at: record.createdAt ?? now },
              outcome?.announce,
            )
          : null;
        const verdict = recorded?.verdict ?? null;
        const policyViolation: PolicyViolation | null =
          named && !link ? 'submission_mismatch' : (verdict?.refusal ?? null);
        yield results.saveRecordStep(record, project, row.source, now, identity, policyViolation);
        const sent = yield* outbound.resultSteps(
          {
            project,
            record,
            identity: identity ?? null,
            policyViolation,
            linkId: link?.linkId ?? null,
            verdict,
          },
          recorded?.link ?? null,
          subscribers,
          outcome,
        );
        written = { recorded, policyViolation, sent };
      },
      async committed() {
        if (!written) return;
        const { recorded, policyViolation, sent } = written;
        written = null;
        recorded?.committed();
        await events.result({
          project,
          record,
          identity: identity ?? null,
          source: row.source,
          tokenUseRecorded: recorded?.verdict.useRecorded ?? false,
          // Only the verified link's context: a token naming another submission's link tells nothing of it.
          clientReference: link?.clientReference ?? null,
          metadata: link?.metadata ?? {},
          policyViolation,
          outcome: recorded?.verdict.outcome ?? null,
        });
        await outbound.resultCommitted(sent);
      },
    };
  }

  private async tokenExpired(event: TokenExpiredWebhookEvent): Promise<InboxRowPlan> {
    // Stored as ignored at intake; a replayed row must not act either.
    if (!concernsFaceAuth(event)) return NOTHING;
    const parsed = event.at ? new Date(event.at) : null;
    const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed : this.clock.now();
    // Who the link was minted for: expiry changes none of it.
    const link = await this.tokens.linkOf(event.tokenId);
    const { tokens, events } = this;
    let mark: ExpiryMark | null = null;
    return {
      project: null,
      *steps() {
        mark = yield* tokens.markExpiredSteps(event.tokenId, at);
      },
      async committed() {
        if (!mark) return;
        mark.committed();
        mark = null;
        await events.tokenExpired({
          tokenId: event.tokenId,
          condition: event.condition,
          at,
          clientReference: link?.clientReference ?? null,
          metadata: link?.metadata ?? {},
        });
      },
    };
  }
}

/** A row with nothing to apply (only marked done). */
const NOTHING: InboxRowPlan = {
  project: null,
  *steps() {
    return;
  },
  committed: async () => undefined,
};
