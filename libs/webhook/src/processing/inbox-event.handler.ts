import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { PolicyViolation, ResultRepository } from '@faceauth/results';
import { TokenUsagePort } from '@faceauth/token-policy';
import {
  ArgosWebhookEvent,
  FaceAuthWebhookEvent,
  TokenExpiredWebhookEvent,
} from '../payload/argos-webhook-event';
import { WebhookInboxEntity } from '../inbox/webhook-inbox.entity';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';
import { FaceAuthEventPublisher } from './faceauth-events';
import { OutboundEventWriter } from './outbound-events';
import { concernsFaceAuth } from '../payload/faceauth-service';
import { ProjectResolver } from './project-resolver';
import { ResultIdentityResolver } from './result-identity.resolver';
import { VerificationLookupService } from './verification-lookup.service';
import { recordFromWebhook } from './webhook-record';

/**
 * Applies one inbox row. Every effect is idempotent (results are upserted, token uses are keyed by the
 * authentication id, expiry keeps its first instant), so a retry after a crash repeats nothing.
 * Returns the project the row belonged to.
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

  async handle(row: WebhookInboxEntity): Promise<string | null> {
    const event = JSON.parse(row.payload) as ArgosWebhookEvent;
    if (event.kind === 'faceAuth') return this.faceAuth(row, event);
    if (event.kind === 'tokenExpired') return this.tokenExpired(event);
    return null;
  }

  private async faceAuth(row: WebhookInboxEntity, event: FaceAuthWebhookEvent): Promise<string> {
    // One look-up of the token serves both the project and the identity.
    const named = event.tokenId ? await this.tokens.linkOf(event.tokenId) : null;
    const resolved = await this.projects.resolve(event.authId, named?.project ?? null, row.project);
    const fromWebhook = recordFromWebhook(event);
    const record = this.options.verifyByFetch
      ? (resolved.record ?? (await this.lookups.getResult(resolved.project, event.authId)))
      : fromWebhook;
    const now = this.clock.now();
    const { identity, link } = this.identities.resolve(event, named, record, resolved.project);
    // Only a verified link is judged: a token naming another submission's link changes nothing there,
    // and the result says so. The link is judged before the result is stored, so that a retry after a
    // crash between the two finds the same verdict (uses are keyed by the authentication id).
    const outcome = link
      ? await this.outbound.prepareOutcome({
          project: resolved.project,
          record,
          identity: identity ?? null,
          policyViolation: null,
          linkId: link.linkId,
        })
      : undefined;
    const verdict = link
      ? await this.tokens.recordResult(
          link.token,
          { authId: record.authId, status: record.status, at: record.createdAt ?? now },
          outcome?.announce,
        )
      : null;
    const policyViolation: PolicyViolation | null =
      named && !link ? 'submission_mismatch' : (verdict?.refusal ?? null);
    await this.results.saveRecord(record, resolved.project, row.source, now, identity, policyViolation);
    await this.events.result({
      project: resolved.project,
      record,
      identity: identity ?? null,
      source: row.source,
      tokenUseRecorded: verdict?.useRecorded ?? false,
      // Only the verified link's context: a token naming another submission's link tells nothing of it.
      clientReference: link?.clientReference ?? null,
      metadata: link?.metadata ?? {},
      policyViolation,
      outcome: verdict?.outcome ?? null,
    });
    await this.outbound.resultProcessed(
      {
        project: resolved.project,
        record,
        identity: identity ?? null,
        policyViolation,
        linkId: link?.linkId ?? null,
        verdict,
      },
      outcome,
    );
    return resolved.project;
  }

  private async tokenExpired(event: TokenExpiredWebhookEvent): Promise<null> {
    // Stored as ignored at intake; a replayed row must not act either.
    if (!concernsFaceAuth(event)) return null;
    const parsed = event.at ? new Date(event.at) : null;
    const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed : this.clock.now();
    await this.tokens.markExpired(event.tokenId, at);
    const link = await this.tokens.linkOf(event.tokenId);
    await this.events.tokenExpired({
      tokenId: event.tokenId,
      condition: event.condition,
      at,
      clientReference: link?.clientReference ?? null,
      metadata: link?.metadata ?? {},
    });
    return null;
  }
}
