import { Injectable, Optional } from '@nestjs/common';
import { Clock, FaceAuthMetrics, NOOP_METRICS } from '@faceauth/core';
import { inboxEntryFor } from '../inbox/inbox-entry.factory';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { normalizeWebhookPayload } from '../payload/webhook-payload.normalizer';
import { WebhookProcessor } from '../processing/webhook-processor';
import { WebhookAuthenticityChecker } from './webhook-authenticity.checker';

export interface IncomingWebhook {
  body: unknown;
  secret?: string;
  sourceIp?: string;
}

export interface IntakeOutcome {
  duplicate: boolean;
  trigger: string;
}

/**
 * Checks, normalises and stores a webhook, then returns at once: processing happens later, from the inbox.
 * A refused webhook writes nothing. Once this returns, the webhook is durable.
 */
@Injectable()
export class WebhookIntakeService {
  constructor(
    private readonly authenticity: WebhookAuthenticityChecker,
    private readonly inbox: WebhookInboxRepository,
    private readonly processor: WebhookProcessor,
    private readonly clock: Clock,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
  ) {}

  async receive(incoming: IncomingWebhook): Promise<IntakeOutcome> {
    let entry;
    try {
      this.authenticity.checkSource(incoming.sourceIp);
      this.authenticity.checkSecret(incoming.secret);
      const event = normalizeWebhookPayload(this.authenticity.unwrap(incoming.body));
      entry = inboxEntryFor(event, 'webhook', this.clock.now());
    } catch (error) {
      this.metrics.webhook('rejected');
      throw error;
    }
    const inserted = await this.inbox.insert(entry);
    this.metrics.webhook(inserted ? 'received' : 'duplicate');
    if (inserted && entry.status === 'pending') this.processor.kick();
    return { duplicate: !inserted, trigger: entry.trigger };
  }
}
