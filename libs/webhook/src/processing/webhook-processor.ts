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
  SqlSteps,
} from '@faceauth/core';
import { WebhookInboxEntity } from '../inbox/webhook-inbox.entity';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { InjectWebhookOptions, ResolvedWebhookOptions } from '../webhook.options';
import { InboxEventHandler, InboxRowPlan } from './inbox-event.handler';
import { retryDelayMs } from './retry-delay';
import { isUnknownToArgos, VerificationLookupService } from './verification-lookup.service';

const KICK_DELAY_MS = 5;
/** While the database is down, polls are spaced out up to this pause. */
const OUTAGE_MAX_PAUSE_MS = 10_000;
/** What a verified chunk needs beside its look-ups' deadline: the look-up rate's wait, the reads, the batch's writes. */
const CHUNK_MARGIN_MS = 5_000;

/**
 * Drains the inbox: claims due rows under a lease, applies them, marks them done; failures are retried
 * with jittered backoff and end `dead` after `maxAttempts`. Runs on a poll interval and when kicked by
 * the intake. Several replicas on PostgreSQL claim disjoint rows (SKIP LOCKED).
 */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookProcessor');
  private readonly concurrency: number;
  /** The lease a chunk must still have when it starts (see leaseAllowsMore). */
  private readonly chunkReserveMs: number;
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
    lookups: VerificationLookupService,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
  ) {
    this.concurrency = databaseKind(dataSource) === 'postgres' ? options.processor.concurrency : 1;
    // Without verification a chunk only reads the database (each statement bounded by its timeout): it must
    // merely start before the lease ends.
    this.chunkReserveMs = options.verifyByFetch ? lookups.callDeadlineMs + CHUNK_MARGIN_MS : 0;
    this.outage = new DatabaseOutageBackoff(this.logger, 'webhook processing', {
      baseMs: options.processor.pollIntervalMs,
      maxMs: Math.max(options.processor.pollIntervalMs, OUTAGE_MAX_PAUSE_MS),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.options.processor.enabled) return;
    if (this.options.processor.leaseMs <= this.chunkReserveMs) {
      this.logger.warn(
        `The inbox lease (processor.leaseMs ${this.options.processor.leaseMs}) does not cover what a chunk of rows ` +
          `may take (${this.chunkReserveMs} ms: the Argos call deadline and a margin): every batch will be cut to ` +
          'one chunk, its other rows given back',
      );
    }
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
      const claimedAt = this.clock.now();
      const batch = await this.inbox.claim(
        claimedAt,
        this.options.processor.leaseMs,
        this.options.processor.batchSize,
      );
      if (batch.length === 0) return settled;
      const leaseEnd = claimedAt.getTime() + this.options.processor.leaseMs;
      const prepared: Prepared[] = [];
      let givenBack = 0;
      for (let i = 0; i < batch.length; i += this.concurrency) {
        if (i > 0 && !this.leaseAllowsMore(leaseEnd)) {
          givenBack = batch.length - i;
          await this.giveBack(batch.slice(i), batch.length);
          break;
        }
        const chunk = await Promise.all(batch.slice(i, i + this.concurrency).map((row) => this.prepare(row)));
        for (const p of chunk) if (p) prepared.push(p);
      }
      await this.write(prepared);
      settled += batch.length - givenBack;
    }
  }

  /**
   * Whether a batch whose lease ends at `leaseEnd` may start another chunk: only while the lease still covers
   * what a chunk may take (its look-ups end within the Argos client's call deadline, 30 s by default) and the
   * batch's writes (a margin of 5 s); without verification, only before the lease ends. Past that, another worker could claim the rows again and look them up too
   * (a slow Argos: 50 rows, 4 at a time, 10 s each, is 130 s against the default 60 s lease).
   */
  private leaseAllowsMore(leaseEnd: number): boolean {
    return this.clock.now().getTime() + this.chunkReserveMs <= leaseEnd;
  }

  /**
   * Gives back the rows a batch has no lease left for, at once (before the batch's writes): the drain's next
   * claim, or another worker's, takes them.
   */
  private async giveBack(rows: readonly WebhookInboxEntity[], claimed: number): Promise<void> {
    let released = 0;
    for (const row of rows) if (await this.inbox.release(row)) released++;
    this.logger.warn(
      `${rows.length} of ${claimed} claimed inbox rows were not processed: their lease ` +
        `(processor.leaseMs ${this.options.processor.leaseMs}) no longer covered a chunk of look-ups; ` +
        `${released} given back to be claimed again`,
    );
  }

  /** A row's reads (and verification fetch); a row whose reads failed is failed now, on its own. */
  private async prepare(row: WebhookInboxEntity): Promise<Prepared | null> {
    try {
      return { row, plan: await this.handler.prepare(row) };
    } catch (error) {
      await this.failed(row, error);
      return null;
    }
  }

  /**
   * The writes of a batch's prepared rows in one atomic unit (one transaction; on SQLite nothing of another
   * request runs inside it). When that unit fails for a reason other than an outage, the rows are written one
   * by one, each in its own unit, so that a bad row fails alone. Then {@link settle}.
   */
  private async write(prepared: readonly Prepared[]): Promise<void> {
    if (prepared.length > 1) {
      let wrote = false;
      try {
        await this.inbox.atomic(() => this.batchSteps(prepared));
        wrote = true;
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        this.logger.warn(
          `A batch of ${prepared.length} inbox rows rolled back (${describe(error)}); writing them one by one`,
        );
      }
      if (wrote) return this.settle(prepared);
    }
    const written: Prepared[] = [];
    for (const p of prepared) {
      try {
        await this.inbox.atomic(() => p.plan.steps());
        written.push(p);
      } catch (error) {
        await this.failed(p.row, error);
      }
    }
    await this.settle(written);
  }

  private *batchSteps(prepared: readonly Prepared[]): SqlSteps<void> {
    for (const p of prepared) yield* p.plan.steps();
  }

  /**
   * Once the rows' writes committed: what each row tells (host events, announcements, metrics), then the rows
   * marked done, together in one unit. Marked done last, so that host events are delivered at least once: a
   * crash or an outage before that unit leaves the rows to be claimed again when their lease ends, and their
   * reprocessing repeats nothing but the events. A host listener that throws fails its row, as any error
   * (retried with backoff).
   */
  private async settle(written: readonly Prepared[]): Promise<void> {
    const told: Prepared[] = [];
    for (const p of written) {
      try {
        await p.plan.committed();
        told.push(p);
      } catch (error) {
        await this.failed(p.row, error);
      }
    }
    if (told.length === 0) return;
    const now = this.clock.now();
    const done = await this.inbox.atomic(() => this.doneSteps(told, now));
    for (const marked of done) if (marked) this.metrics.webhook('processed');
  }

  /** Marks the rows done, each only if this worker still holds its lease. */
  private *doneSteps(rows: readonly Prepared[], now: Date): SqlSteps<boolean[]> {
    const done: boolean[] = [];
    for (const p of rows) done.push(yield* this.inbox.completeSteps(p.row, now, p.plan.project));
    return done;
  }

  /** Schedules a failed row's retry, or gives up on it; an outage is rethrown (no fault of the row). */
  private async failed(row: WebhookInboxEntity, error: unknown): Promise<void> {
    // An outage is no fault of the row: it spends no attempt and is claimed again when its lease ends.
    if (isDatabaseUnavailable(error)) throw error;
    const message = describe(error);
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

/** A claimed row and the plan of its writes. */
interface Prepared {
  row: WebhookInboxEntity;
  plan: InboxRowPlan;
}

/**
 * `<code or name>: <message>`, as kept in the row's `last_error`. Read by shape, not `instanceof Error`: a
 * driver's error may come from another realm (e.g. better-sqlite3's under a test runner's module registry).
 */
function describe(error: unknown): string {
  const { code, name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  const label = typeof code === 'string' ? code : typeof name === 'string' ? name : 'Error';
  return `${label}: ${typeof message === 'string' ? message : 'unknown error'}`;
}
