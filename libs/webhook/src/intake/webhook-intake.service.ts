import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { inboxEntryFor } from '../inbox/inbox-entry.factory';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { normalizeWebhookPayload } from '../payload/webhook-payload.normalizer';
import { WebhookProcessor } from '../processing/webhook-processor';
import { WebhookAuthenticity } from './webhook-authenticity';

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
    private readonly authenticity: WebhookAuthenticity,
    private readonly inbox: WebhookInboxRepository,
    private readonly processor: WebhookProcessor,
    private readonly clock: Clock,
  ) {}

  async receive(incoming: IncomingWebhook): Promise<IntakeOutcome> {
    this.authenticity.checkSource(incoming.sourceIp);
    this.authenticity.checkSecret(incoming.secret);
    const event = normalizeWebhookPayload(this.authenticity.unwrap(incoming.body));
    const entry = inboxEntryFor(event, 'webhook', this.clock.now());
    const inserted = await this.inbox.insert(entry);
    if (inserted && entry.status === 'pending') this.processor.kick();
    return { duplicate: !inserted, trigger: entry.trigger };
  }
}
