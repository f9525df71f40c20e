import { Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Clock, FaceAuthMetrics, NOOP_METRICS } from '@faceauth/core';
import { CleanupLock, CleanupLockHandle } from '../lock/cleanup-lock';
import { CleanupTrigger } from '../persistence/cleanup-run.entity';
import { zeroCounts } from '../persistence/cleanup-run.repository';
import { ExpiredRowsRepository } from '../persistence/expired-rows.repository';
import { ResultCleanupRepository } from '../persistence/result-cleanup.repository';
import { retentionCutoffs } from '../policy/retention-policy';
import { RetentionError, RetentionErrorCode, retentionMessages } from '../retention.error';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { failureCode } from './argos-deletion.step';
import { CleanupBatchRunner, DrainContext } from './cleanup-batch.runner';
import { CleanupRequest, CleanupRunSummary } from './cleanup-run.type';
import { ExpiredRowsSweeper } from './expired-rows.sweeper';
import { RunRecorder } from './run-recorder';
import { RunRecorderFactory } from './run-recorder.factory';

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
    private readonly sweeper: ExpiredRowsSweeper,
    private readonly recorders: RunRecorderFactory,
    private readonly results: ResultCleanupRepository,
    private readonly expired: ExpiredRowsRepository,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
    @Optional() private readonly metrics: FaceAuthMetrics = NOOP_METRICS,
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
      if (trigger !== 'schedule')
        throw new RetentionError(
          RetentionErrorCode.CLEANUP_RUN_IN_PROGRESS,
          retentionMessages.runInProgress(),
        );
      const now = this.clock.now();
      return {
        runId: null,
        trigger,
        dryRun: false,
        outcome: 'skipped',
        startedAt: now,
        finishedAt: now,
        counts: zeroCounts(),
        overdue: null,
      };
    }
    try {
      return await this.locked(handle, trigger, request);
    } finally {
      await handle.release();
    }
  }

  /**
   * Runs `work` under the cleanup lock, as a recorded run, if the lock is free; null otherwise (the
   * holder's run, or the next tick, takes the work). For on-demand deletions ("forget this user"), which
   * must respect the global Argos rate cap.
   */
  async withLock(
    trigger: CleanupTrigger,
    work: (context: DrainContext) => Promise<void>,
  ): Promise<RunRecorder | null> {
    const handle = await this.lock.tryAcquire();
    if (!handle) return null;
    const run = this.recorders.start(trigger);
    try {
      await run.ensure();
      await work(this.drainContext(run, handle));
      await this.finish(run);
      return run;
    } catch (error) {
      await run.finish('failed', this.clock.now(), failureCode(error)).catch(() => undefined);
      throw error;
    } finally {
      await handle.release();
    }
  }

  private async locked(
    handle: CleanupLockHandle,
    trigger: CleanupTrigger,
    request: CleanupRequest,
  ): Promise<CleanupRunSummary> {
    const run = this.recorders.start(trigger);
    try {
      if (trigger !== 'schedule') await run.ensure();
      const interrupted = await this.recorders.interruptStale(run);
      if (interrupted > 0)
        this.logger.warn(
          `${interrupted} earlier cleanup run(s) had been interrupted; their work resumes now`,
        );
      if (request.retryFailed) await this.results.retryFailed();
      const c = retentionCutoffs(run.startedAt, this.options);
      const total = request.onProgress ? await this.results.countDue(c.now, c.results) : 0;
      const context = this.drainContext(run, handle, () =>
        request.onProgress?.({ phase: 'results', done: run.counts.due, total }),
      );
      await this.batches.drain(context);
      await this.sweeper.sweep(run, context, request.onProgress);
      return await this.finish(run);
    } catch (error) {
      this.logger.error(`Cleanup run ${run.id} failed (${failureCode(error)})`);
      await run.finish('failed', this.clock.now(), failureCode(error)).catch(() => undefined);
      throw error;
    }
  }

  private drainContext(run: RunRecorder, handle: CleanupLockHandle, progress?: () => void): DrainContext {
    let lost = false;
    return {
      counts: run.counts,
      runId: () => run.ensure(),
      shouldStop: () => this.stopping || lost,
      afterBatch: async () => {
        progress?.();
        lost = !(await handle.renew());
        if (lost)
          this.logger.error(
            'Cleanup lock lost; stopping this run (claimed rows are fenced, nothing is repeated)',
          );
        return !lost;
      },
    };
  }

  /** Erased values must not survive in SQLite's WAL either; a busy reader only delays that to the next run. */
  async flushErased(): Promise<void> {
    if (!(await this.results.flushErased()))
      this.logger.warn(
        'The SQLite WAL could not be emptied after an erasure (a reader held it); retried next run',
      );
  }

  private async finish(run: RunRecorder): Promise<CleanupRunSummary> {
    const finishedAt = this.clock.now();
    const c = retentionCutoffs(finishedAt, this.options);
    const overdue = await this.results.countOverdue(c.now, c.results);
    const outcome = this.stopping
      ? 'interrupted'
      : run.counts.retrying + run.counts.failed > 0
        ? 'partial'
        : 'completed';
    await run.finish(outcome, finishedAt);
    const n = run.counts;
    if (n.purged + n.tokensDeleted + n.inboxDeleted > 0) await this.flushErased();
    this.metrics.cleanup('deleted', run.counts.purged);
    this.metrics.cleanup('failed', run.counts.failed);
    this.metrics.cleanupOverdue(overdue);
    if (run.recorded) {
      this.logger.log(
        `Cleanup run ${run.id} (${run.trigger}) ${outcome}: ${n.argosDeleted} deleted at Argos, ${n.alreadyGone} already gone, ` +
          `${n.purged} purged, ${n.retrying} retrying, ${n.failed} failed, ${n.tokensDeleted} links, ${n.inboxDeleted} inbox rows; ${overdue} overdue`,
      );
    }
    return {
      runId: run.recorded ? run.id : null,
      trigger: run.trigger,
      dryRun: false,
      outcome: run.recorded ? outcome : 'idle',
      startedAt: run.startedAt,
      finishedAt,
      counts: run.counts,
      overdue,
    };
  }

  /** Counts what a run would do now; changes nothing, calls nobody; recorded as a dry run. */
  private async dryRun(trigger: CleanupTrigger): Promise<CleanupRunSummary> {
    const run = this.recorders.start(trigger, true);
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
    return {
      runId: run.id,
      trigger,
      dryRun: true,
      outcome: 'completed',
      startedAt: run.startedAt,
      finishedAt,
      counts: run.counts,
      overdue,
    };
  }
}
