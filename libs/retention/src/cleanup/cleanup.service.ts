import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { CleanupLock, CleanupLockHandle } from '../lock/cleanup-lock';
import { InjectCleanupInstanceId } from '../lock/instance-id';
import { CleanupTrigger } from '../persistence/cleanup-run.entity';
import { CleanupRunRepository, zeroCounts } from '../persistence/cleanup-run.repository';
import { ExpiredRowsRepository } from '../persistence/expired-rows.repository';
import { ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { retentionCutoffs } from '../policy/retention-policy';
import { RetentionError, RetentionErrorCode, retentionMessages } from '../retention.error';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { failureCode } from './argos-deletion.step';
import { CleanupBatchRunner, DrainContext } from './cleanup-batch.runner';
import { CleanupRequest, CleanupRunSummary } from './cleanup-run.types';
import { CleanupMetrics } from './cleanup.metrics';
import { RunRecorder } from './run-recorder';

const SWEEP_BATCH = 1000;

/**
 * Enforces the retention schedule: under the cross-instance lock, deletes due results (Argos, then
 * locally, audited), then links and inbox rows past their retention. Used by the scheduler, the admin API
 * (`POST /v1/cleanup/run`) and the CLI (`faceauth cleanup [--dry-run]`).
 */
@Injectable()
export class CleanupService implements OnApplicationShutdown {
  private readonly logger = new Logger('Cleanup');
  private stopping = false;

  constructor(
    private readonly lock: CleanupLock,
    private readonly batches: CleanupBatchRunner,
    private readonly runs: CleanupRunRepository,
    private readonly results: ResultCleanupRepository,
    private readonly expired: ExpiredRowsRepository,
    private readonly metrics: CleanupMetrics,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
    @InjectCleanupInstanceId() private readonly instanceId: string,
  ) {}

  onApplicationShutdown(): void {
    this.stopping = true;
  }

  /**
   * Runs the cleanup now and reports what it did.
   * @throws RetentionError `CLEANUP_RUN_IN_PROGRESS` when another instance holds the lock (not for `schedule`)
   */
  async run(request: CleanupRequest = {}): Promise<CleanupRunSummary> {
    const trigger = request.trigger ?? 'api';
    if (request.dryRun) return this.dryRun(trigger);
    const handle = await this.lock.tryAcquire();
    if (!handle) {
      if (trigger !== 'schedule') throw new RetentionError(RetentionErrorCode.CLEANUP_RUN_IN_PROGRESS, retentionMessages.runInProgress());
      const now = this.clock.now();
      return { runId: null, trigger, dryRun: false, outcome: 'skipped', startedAt: now, finishedAt: now, counts: zeroCounts(), overdue: null };
    }
    try {
      return await this.locked(handle, trigger, request);
    } finally {
      await handle.release();
    }
  }

  /**
   * Runs `work` under the cleanup lock, with a recorded run, if the lock is free; null otherwise.
   * For on-demand deletions ("forget this user") that must respect the global Argos rate cap.
   */
  async withLock(trigger: CleanupTrigger, work: (context: DrainContext) => Promise<void>): Promise<RunRecorder | null> {
    const handle = await this.lock.tryAcquire();
    if (!handle) return null;
    const run = new RunRecorder(this.runs, trigger, false, this.instanceId, this.clock.now());
    try {
      await run.ensure();
      await work(this.drainContext(run, handle));
      await run.finish(run.counts.retrying + run.counts.failed > 0 ? 'partial' : 'completed', this.clock.now());
      return run;
    } catch (error) {
      await run.finish('failed', this.clock.now(), failureCode(error));
      throw error;
    } finally {
      await handle.release();
    }
  }

  private async locked(handle: CleanupLockHandle, trigger: CleanupTrigger, request: CleanupRequest): Promise<CleanupRunSummary> {
    const run = new RunRecorder(this.runs, trigger, false, this.instanceId, this.clock.now());
    try {
      if (trigger !== 'schedule') await run.ensure();
      const interrupted = await this.runs.interruptStale(run.id, run.startedAt);
      if (interrupted > 0) this.logger.warn(`${interrupted} earlier cleanup run(s) had been interrupted; resuming their work`);
      if (request.retryFailed) await this.results.retryFailed();
      const startCutoffs = retentionCutoffs(run.startedAt, this.options);
      const total = request.onProgress ? await this.results.countDue(startCutoffs.now, startCutoffs.results) : 0;
      const context = this.drainContext(run, handle, () => request.onProgress?.({ phase: 'results', done: run.counts.due, total }));
      await this.batches.drain(context);
      await this.sweep(run, context, 'tokens', (cutoff) => this.expired.deleteTokens(cutoff, SWEEP_BATCH), request);
      await this.sweep(run, context, 'inbox', (cutoff) => this.expired.deleteInbox(cutoff, SWEEP_BATCH), request);
      return await this.finish(run, run.counts.retrying + run.counts.failed > 0 ? 'partial' : 'completed');
    } catch (error) {
      this.logger.error(`Cleanup run ${run.id} failed (${failureCode(error)})`);
      await run.finish('failed', this.clock.now(), failureCode(error)).catch(() => undefined);
      throw error;
    }
  }

  private drainContext(run: RunRecorder, handle: CleanupLockHandle, progress?: () => void): DrainContext & { lost: boolean } {
    const context = {
      counts: run.counts,
      lost: false,
      runId: () => run.ensure(),
      shouldStop: () => this.stopping || context.lost,
      afterBatch: async () => {
        progress?.();
        context.lost = !(await handle.renew());
        if (context.lost) this.logger.error('Cleanup lock lost; stopping this run (claimed rows are fenced, nothing is repeated)');
        return !context.lost;
      },
    };
    return context;
  }

  /** Deletes links or inbox rows past their retention, in bounded batches. */
  private async sweep(
    run: RunRecorder,
    context: DrainContext,
    phase: 'tokens' | 'inbox',
    deleteBatch: (cutoff: number) => Promise<number>,
    request: CleanupRequest,
  ): Promise<void> {
    for (;;) {
      if (context.shouldStop()) return;
      const cutoffs = retentionCutoffs(this.clock.now(), this.options);
      const deleted = await deleteBatch(phase === 'tokens' ? cutoffs.tokens : cutoffs.inbox);
      if (deleted > 0) await run.ensure();
      if (phase === 'tokens') run.counts.tokensDeleted += deleted;
      else run.counts.inboxDeleted += deleted;
      request.onProgress?.({ phase, done: phase === 'tokens' ? run.counts.tokensDeleted : run.counts.inboxDeleted, total: 0 });
      if (deleted < SWEEP_BATCH || !(await context.afterBatch())) return;
    }
  }

  private async finish(run: RunRecorder, outcome: 'completed' | 'partial'): Promise<CleanupRunSummary> {
    const finishedAt = this.clock.now();
    const cutoffs = retentionCutoffs(finishedAt, this.options);
    const overdue = await this.results.countOverdue(cutoffs.now, cutoffs.results);
    const stopped = this.stopping ? 'interrupted' : outcome;
    await run.finish(stopped, finishedAt);
    this.metrics.recordRun(run.counts, overdue, await this.results.countFailed());
    if (run.recorded) {
      const c = run.counts;
      this.logger.log(
        `Cleanup run ${run.id} (${run.trigger}) ${stopped}: ${c.argosDeleted} deleted at Argos, ${c.alreadyGone} already gone, ` +
          `${c.purged} purged, ${c.retrying} retrying, ${c.failed} failed, ${c.tokensDeleted} links, ${c.inboxDeleted} inbox rows; ${overdue} overdue`,
      );
    }
    return {
      runId: run.recorded ? run.id : null,
      trigger: run.trigger,
      dryRun: false,
      outcome: run.recorded ? stopped : 'idle',
      startedAt: run.startedAt,
      finishedAt,
      counts: run.counts,
      overdue,
    };
  }

  /** Counts what a run would do now; changes nothing, calls nobody; recorded as a dry run. */
  private async dryRun(trigger: CleanupTrigger): Promise<CleanupRunSummary> {
    const run = new RunRecorder(this.runs, trigger, true, this.instanceId, this.clock.now());
    const c = retentionCutoffs(run.startedAt, this.options);
    Object.assign(run.counts, {
      due: await this.results.countDue(c.now, c.results),
      held: await this.results.countHeld(c.now, c.results),
      tokensDeleted: await this.expired.countTokens(c.tokens),
      inboxDeleted: await this.expired.countInbox(c.inbox),
    });
    const overdue = await this.results.countOverdue(c.now, c.results);
    await run.ensure();
    const finishedAt = this.clock.now();
    await run.finish('completed', finishedAt);
    return { runId: run.id, trigger, dryRun: true, outcome: 'completed', startedAt: run.startedAt, finishedAt, counts: run.counts, overdue };
  }
}
