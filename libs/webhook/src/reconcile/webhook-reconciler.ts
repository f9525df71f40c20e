import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ArgosClientRegistry, InjectArgosClientRegistry } from '@faceauth/argos-client';
import { Clock, DatabaseOutageBackoff } from '@faceauth/core';
import { inboxEntryFor } from '../inbox/inbox-entry.factory';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { WebhookProcessor } from '../processing/webhook-processor';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';

export interface ReconcileReport {
  seen: number;
  enqueued: number;
  projects: string[];
}

const DAY_MS = 24 * 3600 * 1000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Argos warns that webhooks can be late or lost: list each project's results for the recent days and feed
 * every one into the inbox. The inbox's dedupe key makes results already received a no-op.
 */
@Injectable()
export class WebhookReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookReconciler');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> | null = null;
  private readonly outage = new DatabaseOutageBackoff(this.logger, 'reconciliation');

  constructor(
    @InjectArgosClientRegistry() private readonly argos: ArgosClientRegistry,
    private readonly inbox: WebhookInboxRepository,
    private readonly processor: WebhookProcessor,
    private readonly clock: Clock,
    @InjectWebhookOptions() private readonly options: ResolvedWebhookOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.reconcile.enabled) return;
    this.timer = setInterval(() => {
      this.running ??= this.reconcile()
        .then(() => this.outage.succeeded())
        .catch((error: unknown) => {
          if (!this.outage.failed(error))
            this.logger.warn(`Reconciliation failed: ${(error as Error).message}`);
        })
        .finally(() => (this.running = null));
    }, this.options.reconcile.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Enqueues every result Argos lists between `since` (default: lookback) and now. */
  async reconcile(
    options: { since?: Date; onRecord?: (seen: number) => void } = {},
  ): Promise<ReconcileReport> {
    const now = this.clock.now();
    const since = options.since ?? new Date(now.getTime() - this.options.reconcile.lookbackDays * DAY_MS);
    const report: ReconcileReport = { seen: 0, enqueued: 0, projects: this.argos.projectNames() };
    for (const project of report.projects) {
      const records = this.argos
        .get(project)
        .listResults({ startDate: isoDate(since), endDate: isoDate(now) });
      for await (const record of records) {
        report.seen += 1;
        options.onRecord?.(report.seen);
        const event = {
          kind: 'faceAuth' as const,
          version: 'v3' as const,
          authId: record.authId,
          status: record.status,
          tokenId: record.tokenId,
        };
        if (await this.inbox.insert(inboxEntryFor(event, 'reconcile', now, project))) report.enqueued += 1;
      }
    }
    if (report.enqueued > 0) this.processor.kick();
    return report;
  }
}
