import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Clock, DatabaseOutageBackoff, isDatabaseUnavailable } from '@faceauth/core';
import { DeliveryAgents } from '../delivery/delivery-agents';
import { DeliveredSettler } from './delivered-settler';
import { sendWebhook, AttemptOutcome } from '../delivery/webhook-sender';
import { TargetPolicy } from '../delivery/target-policy';
import { NOOP_NOTIFICATION_METRICS, NotificationMetrics } from '../notification-metrics';
import { InjectNotificationsOptions, ResolvedNotificationsOptions } from '../notifications.options';
import { NotificationEndpointEntity } from '../persistence/notification-endpoint.entity';
import { NotificationOutboxEntity } from '../persistence/notification-outbox.entity';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { signDelivery, signingSecrets } from '../signing/webhook-signer';
import { nextAttemptDelayMs } from './retry-schedule';

/**
 * One claimed batch: its endpoints (read once each, and those that had a delivery fail in the batch) and the
 * settler its delivered attempts go to.
 */
interface Batch {
  byId: Map<string, Promise<NotificationEndpointEntity | null>>;
  failed: Set<string>;
  delivered: DeliveredSettler;
}

/**
 * Delivered attempts settled per transaction: a batch of 50 (the default) in 4 commits rather than 50, while a
 * delivery waits for at most 15 others, or 1 s, before its row is settled.
 */
const SETTLE_GROUP = 16;
const SETTLE_WAIT_MS = 1_000;

/** While the database is down, polls are spaced out up to this pause. */
const OUTAGE_MAX_PAUSE_MS = 10_000;

/**
 * Sends the outbox: claims due deliveries under a lease (several workers on PostgreSQL claim disjoint
 * batches), signs each attempt, POSTs it to the address the target policy checked, and settles it:
 * delivered on 2xx (in groups, one transaction each: DeliveredSettler), else retried per the schedule and
 * `failed` once it is spent. A worker that dies mid-batch leaves leases that run out: those deliveries are
 * claimed again and sent again with the same `webhook-id` (at least once). Polls from application bootstrap
 * to shutdown when `dispatcher.autoStart`.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  private readonly outage: DatabaseOutageBackoff;
  private readonly agents: DeliveryAgents;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Deliveries claimed at once: no more than the batch can attempt within its lease (see claimLimit). */
  private readonly claimLimit: number;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly policy: TargetPolicy,
    private readonly clock: Clock,
    @InjectNotificationsOptions() private readonly options: ResolvedNotificationsOptions,
    @Optional() private readonly metrics: NotificationMetrics = NOOP_NOTIFICATION_METRICS,
  ) {
    const { pollIntervalMs, concurrency } = options.dispatcher;
    this.claimLimit = claimLimit(options);
    this.agents = new DeliveryAgents(concurrency);
    this.outage = new DatabaseOutageBackoff(this.logger, 'webhook notifications', {
      baseMs: pollIntervalMs,
      maxMs: Math.max(pollIntervalMs, OUTAGE_MAX_PAUSE_MS),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.options.dispatcher.autoStart) return;
    this.timer = setInterval(() => this.poll(), this.options.dispatcher.pollIntervalMs);
    this.timer.unref();
    this.poll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.agents.destroy();
  }

  /**
   * Claims one batch of due deliveries and makes one attempt of each; returns how many were claimed.
   * The poll calls it until a batch comes back short; tests call it directly.
   */
  async runOnce(): Promise<number> {
    const { concurrency } = this.options.dispatcher;
    const batch = await this.repository.claim(
      this.clock.now(),
      this.options.delivery.leaseMs,
      this.claimLimit,
    );
    if (batch.length === 0) return 0;
    const endpoints: Batch = {
      byId: new Map(),
      failed: new Set(),
      delivered: new DeliveredSettler(this.repository, SETTLE_GROUP, SETTLE_WAIT_MS, (held) => {
        if (held > 0) this.metrics.notification('delivered', held);
      }),
    };
    let outage: unknown = null;
    let next = 0;
    const givenBack = { rows: 0, released: 0 };
    const worker = async (): Promise<void> => {
      while (next < batch.length && !outage) {
        const index = next++;
        const row = batch[index];
        try {
          // The first wave starts as the lease begins (the options keep the lease ≥ one timeout); a later one
          // only while the lease still covers a whole attempt and its settle. The claim takes no more rows
          // than fit (claimLimit), but an attempt can outrun its timeout (the target's DNS look-up, a resend
          // on a stale kept-alive connection); a row sent past the lease may be sent by another worker too.
          if (index >= concurrency && !this.leaseCovers(row)) {
            givenBack.rows++;
            if (await this.repository.release(row)) givenBack.released++;
            continue;
          }
          await this.attempt(row, endpoints);
        } catch (error) {
          // The row keeps its lease and is claimed again when it runs out.
          if (isDatabaseUnavailable(error)) outage = error;
          else this.logger.error(`Delivery ${row.id} could not be settled: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    try {
      await endpoints.delivered.finish();
    } catch (error) {
      // The group's rows keep their leases: claimed again when they run out, and sent again (at least once).
      if (isDatabaseUnavailable(error)) outage ??= error;
      else this.logger.error(`Delivered deliveries could not be settled: ${(error as Error).message}`);
    }
    if (givenBack.rows > 0) {
      this.logger.warn(
        `${givenBack.rows} of ${batch.length} claimed deliveries were not attempted: the batch outlasted its lease ` +
          `(delivery.leaseMs ${this.options.delivery.leaseMs}); ${givenBack.released} given back to be claimed again`,
      );
    }
    if (outage) throw outage;
    return batch.length;
  }

  /** Whether a poll should claim again at once: the last claim took all it may take, more may be due. */
  private claimedFull(claimed: number): boolean {
    return claimed >= this.claimLimit;
  }

  /** Whether the row's lease outlasts an attempt started now (its timeout) and the settle that follows it. */
  private leaseCovers(row: NotificationOutboxEntity): boolean {
    const leaseEnd = row.lockedUntil?.getTime() ?? Number.POSITIVE_INFINITY;
    return this.clock.now().getTime() + this.options.delivery.timeoutMs + SETTLE_WAIT_MS <= leaseEnd;
  }

  private poll(): void {
    if (this.running || this.stopped || this.outage.waiting) return;
    this.running = (async () => {
      while (!this.stopped && this.claimedFull(await this.runOnce())) {
        // a full batch: more may be due
      }
    })()
      .then(() => this.outage.succeeded())
      .catch((error: unknown) => {
        if (!this.outage.failed(error)) {
          this.logger.error(`Notification dispatch failed: ${(error as Error).message}`);
        }
      })
      .finally(() => {
        this.running = null;
      });
  }

  private async attempt(row: NotificationOutboxEntity, endpoints: Batch): Promise<void> {
    let endpoint = endpoints.byId.get(row.endpointId);
    if (!endpoint) {
      endpoint = this.repository.findEndpoint(row.endpointId);
      endpoints.byId.set(row.endpointId, endpoint);
    }
    const found = await endpoint;
    // Deleted meanwhile (its deliveries with it): nothing to settle.
    if (!found) return;
    const outcome = await this.send(row, found);
    if (outcome.ok) {
      // The endpoint answered 2xx: its run of failures ends, written only when there is one (read with the
      // batch, or counted in it), now, in the order of the attempts.
      if (found.consecutiveFailures > 0 || endpoints.failed.has(found.id)) {
        await this.repository.endpointSucceeded(found.id);
        found.consecutiveFailures = 0;
        endpoints.failed.delete(found.id);
      }
      endpoints.delivered.add({
        row,
        at: this.clock.now(),
        statusCode: outcome.statusCode,
        excerpt: outcome.excerpt,
      });
      return;
    }
    const { retryScheduleMs, jitter, disableEndpointAfter } = this.options.delivery;
    const delay = nextAttemptDelayMs(row.attempts, retryScheduleMs, jitter);
    const now = this.clock.now();
    const retryAt = delay === null ? null : new Date(now.getTime() + delay);
    const error = outcome.error ?? 'failed';
    const settled = await this.repository.attemptFailed(
      row,
      retryAt,
      outcome.statusCode,
      error,
      outcome.excerpt,
    );
    if (!settled) return;
    if (retryAt) {
      this.metrics.notification('retried');
      return;
    }
    this.metrics.notification('failed');
    endpoints.failed.add(found.id);
    this.logger.warn(
      `Delivery ${row.id} to endpoint ${found.id} failed after ${row.attempts} attempts: ${error}`,
    );
    const reason = `disabled after ${disableEndpointAfter} failed deliveries in a row (last: ${error})`.slice(
      0,
      200,
    );
    if (await this.repository.endpointFailed(found.id, disableEndpointAfter, reason, now)) {
      this.metrics.notification('endpoint_disabled');
      this.logger.warn(`Endpoint ${found.id} is disabled: ${reason}`);
    }
  }

  /** One signed attempt, or the target policy's refusal as a failed attempt. */
  private async send(
    row: NotificationOutboxEntity,
    endpoint: NotificationEndpointEntity,
  ): Promise<AttemptOutcome> {
    const verdict = await this.policy.check(endpoint.url);
    if (!verdict.allowed) {
      return { ok: false, statusCode: null, error: `target refused: ${verdict.reason}`, excerpt: null };
    }
    const now = this.clock.now();
    const headers = signDelivery(row.eventId, row.payload, signingSecrets(endpoint, now), now);
    const { target } = verdict;
    return sendWebhook(
      target,
      { ...headers },
      row.payload,
      this.options.delivery.timeoutMs,
      this.agents.for(target),
    );
  }
}

/**
 * How many deliveries one claim takes: `dispatcher.batchSize`, but no more than the batch can attempt within its
 * lease if every attempt ran to its timeout: `concurrency` per wave, as many waves as `leaseMs` holds after the
 * settle wait (at least one). With the defaults (lease 60 s, timeout 10 s, 8 at a time) that is 40 of 50.
 */
function claimLimit(options: ResolvedNotificationsOptions): number {
  const { batchSize, concurrency } = options.dispatcher;
  const { leaseMs, timeoutMs } = options.delivery;
  const waves = Math.max(1, Math.floor((leaseMs - SETTLE_WAIT_MS) / timeoutMs));
  return Math.min(batchSize, concurrency * waves);
}
