import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { RunCounts } from '../persistence/cleanup-run.repository';
import { ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { ResultDeletionWorker } from './result-deletion.worker';

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
 * take disjoint rows) and deletes each batch, until nothing is due. A result Argos refuses is scheduled
 * for later (or reported), so it is not claimed again in the same drain.
 */
@Injectable()
export class CleanupBatchRunner {
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
      await this.worker.processBatch(batch, runId, context.counts);
      if (!(await context.afterBatch())) return;
    }
  }
}
