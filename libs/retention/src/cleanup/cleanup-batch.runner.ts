import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { RunCounts } from '../persistence/cleanup-run.repository';
import { ClaimedResult, ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { failureCode } from './argos-deletion.step';
import { ResultDeletionWorker, RowResult } from './result-deletion.worker';

/** Hooks of one drain: where to count, when to stop, what to do between batches. */
export interface DrainContext {
  counts: RunCounts;
  /** Only this person's results ("forget this user"). */
  authUserId?: string;
  /** The run the audit rows belong to; called before the first batch is processed. */
  runId(): Promise<string | null>;
  /** Checked between batches (shutdown, lost lock). */
  shouldStop(): boolean;
  /** Between batches: renew the lock; false stops the drain. */
  afterBatch(): Promise<boolean>;
}

/**
 * Claims due results in bounded batches (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent drains
 * take disjoint rows) and deletes each with a small pool of workers, until nothing is due. A result that
 * fails is scheduled for later (or reported), so it is not claimed again in the same drain.
 */
@Injectable()
export class CleanupBatchRunner {
  private readonly logger = new Logger('Cleanup');

  constructor(
    private readonly results: ResultCleanupRepository,
    private readonly worker: ResultDeletionWorker,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
  ) {}

  async drain(context: DrainContext): Promise<void> {
    while (!context.shouldStop()) {
      const now = this.clock.now().getTime();
      const batch = await this.results.claim(
        now,
        now - this.options.resultRetentionMs,
        now + this.options.claimLeaseMs,
        this.options.batchSize,
        context.authUserId,
      );
      if (batch.length === 0) return;
      const runId = await context.runId();
      context.counts.due += batch.length;
      await this.pool(batch, async (row) => count(context.counts, await this.settle(row, runId)));
      if (!(await context.afterBatch())) return;
    }
  }

  /** An unexpected failure (e.g. the database) leaves the claim to expire: the row is taken again later. */
  private async settle(row: ClaimedResult, runId: string | null): Promise<RowResult> {
    try {
      return await this.worker.process(row, runId);
    } catch (error) {
      this.logger.error(`Cleanup of result ${row.authId} interrupted (${failureCode(error)}); it is retried once its claim expires`);
      return { argos: null, purged: false, status: 'retrying' };
    }
  }

  private async pool(rows: ClaimedResult[], work: (row: ClaimedResult) => Promise<void>): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.options.argos.concurrency, rows.length) }, async () => {
      while (next < rows.length) await work(rows[next++]);
    });
    await Promise.all(lanes);
  }
}

function count(counts: RunCounts, result: RowResult): void {
  if (result.argos === 'already_gone') counts.alreadyGone += 1;
  else if (result.argos !== null) counts.argosDeleted += 1;
  if (result.purged) counts.purged += 1;
  if (result.status === 'retrying') counts.retrying += 1;
  if (result.status === 'failed') counts.failed += 1;
}
