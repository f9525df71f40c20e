import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Clock,
  DatabaseOutageBackoff,
  databaseKind,
  FaceAuthMetrics,
  isDatabaseUnavailable,
  NOOP_METRICS,
} from '@faceauth/core';
import { WebhookInboxEntity } from '../inbox/webhook-inbox.entity';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';
import { InboxEventHandler } from './inbox-event.handler';
import { retryDelayMs } from './retry-delay';
import { isUnknownToArgos } from './verification-lookup.service';

const KICK_DELAY_MS = 5;
/** While the database is down, polls are spaced out up to this pause. */
const OUTAGE_MAX_PAUSE_MS = 10_000;

/**
 * Drains the inbox: claims due rows under a lease, applies them, marks them done; failures are retried
 * with jittered backoff and end `dead` after `maxAttempts`. Runs on a poll interval and when kicked by
 * the intake. Several replicas on PostgreSQL claim disjoint rows (SKIP LOCKED).
 */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookProcessor');
  private readonly concurrency: number;
  private readonly outage: DatabaseOutageBackoff;
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly handler: InboxEventHandler,
    private readonly clock: Clock,
    @InjectWebhookOptions() private readonly options: ResolvedWebhookOptions,
    @InjectDataSource() dataSource: DataSource,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
  ) {
    this.concurrency = databaseKind(dataSource) === 'postgres' ? options.processor.concurrency : 1;
    this.outage = new DatabaseOutageBackoff(this.logger, 'webhook processing', {
      baseMs: options.processor.pollIntervalMs,
      maxMs: Math.max(options.processor.pollIntervalMs, OUTAGE_MAX_PAUSE_MS),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.options.processor.enabled) return;
    // A poll waits out the outage pause; a kick (the intake just wrote to the database) does not.
    this.timer = setInterval(() => {
      if (!this.outage.waiting) this.kick();
    }, this.options.processor.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.scheduled) clearTimeout(this.scheduled);
    await this.draining;
  }

  /**
   * Asks for a drain soon. Kicks coalesce: a drain starts a few milliseconds after the first kick, so that
   * a burst of webhooks is claimed in batches rather than one drain (and one empty claim) per webhook.
   */
  kick(): void {
    if (!this.options.processor.enabled || this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.scheduled ??= setTimeout(() => {
      this.scheduled = null;
      this.start();
    }, KICK_DELAY_MS);
  }

  private start(): void {
    if (this.draining || this.stopped) return;
    this.draining = this.drain()
      .then(() => this.outage.succeeded())
      .catch((error: unknown) => {
        if (!this.outage.failed(error)) this.logger.error(`Inbox drain failed: ${(error as Error).message}`);
      })
      .finally(() => {
        this.draining = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Processes every due row now; returns how many rows were settled. For tests, the CLI and replays. */
  async drain(): Promise<number> {
    let settled = 0;
    for (;;) {
      if (this.stopped) return settled;
      const batch = await this.inbox.claim(
        this.clock.now(),
        this.options.processor.leaseMs,
        this.options.processor.batchSize,
      );
      if (batch.length === 0) return settled;
      for (let i = 0; i < batch.length; i += this.concurrency) {
        await Promise.all(batch.slice(i, i + this.concurrency).map((row) => this.process(row)));
      }
      settled += batch.length;
    }
  }

  private async process(row: WebhookInboxEntity): Promise<void> {
    try {
      const project = await this.handler.handle(row);
      if (await this.inbox.complete(row, this.clock.now(), project)) this.metrics.webhook('processed');
    } catch (error) {
      // An outage is no fault of the row: it spends no attempt and is claimed again when its lease ends.
      if (isDatabaseUnavailable(error)) throw error;
      const code = (error as { code?: unknown }).code;
      const label = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
      const message = `${label}: ${error instanceof Error ? error.message : 'unknown error'}`;
      const { maxAttempts, baseDelayMs, maxDelayMs } = this.options.processor;
      // Argos never knew the id after the look-ups allowed: unverified, not retried until replayed.
      const unverified =
        isUnknownToArgos(error) && row.attempts >= this.options.verification.maxNotFoundLookups;
      const retryAt =
        unverified || row.attempts >= maxAttempts
          ? null
          : new Date(this.clock.now().getTime() + retryDelayMs(row.attempts, baseDelayMs, maxDelayMs));
      await this.inbox.fail(row, message, retryAt, unverified ? 'unverified' : 'dead');
      if (unverified) {
        this.metrics.webhook('unverified');
        this.logger.warn(
          `Inbox row ${row.id} (${row.trigger}) is unverified: Argos does not know its authentication id ` +
            `after ${row.attempts} look-ups (replay it to try again)`,
        );
      } else if (!retryAt) {
        this.metrics.webhook('dead');
        this.logger.error(
          `Inbox row ${row.id} (${row.trigger}) is dead after ${row.attempts} attempts: ${message}`,
        );
      }
    }
  }
}
