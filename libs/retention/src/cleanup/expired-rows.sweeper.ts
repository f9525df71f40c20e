import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { ExpiredRowsRepository } from '../persistence/expired-rows.repository';
import { retentionCutoffs } from '../policy/retention-policy';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { DrainContext } from './cleanup-batch.runner';
import { CleanupProgress } from './cleanup-run.type';
import { RunRecorder } from './run-recorder';

const SWEEP_BATCH = 1000;

/** Deletes links and webhook inbox rows past their retention, in bounded batches, counting into the run. */
@Injectable()
export class ExpiredRowsSweeper {
  constructor(
    private readonly expired: ExpiredRowsRepository,
    private readonly clock: Clock,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
  ) {}

  async sweep(
    run: RunRecorder,
    context: DrainContext,
    onProgress?: (progress: CleanupProgress) => void,
  ): Promise<void> {
    await this.phase(
      run,
      context,
      'tokens',
      (c) => this.expired.deleteTokens(c.tokens, SWEEP_BATCH),
      onProgress,
    );
    await this.phase(
      run,
      context,
      'inbox',
      (c) => this.expired.deleteInbox(c.inbox, SWEEP_BATCH),
      onProgress,
    );
  }

  private async phase(
    run: RunRecorder,
    context: DrainContext,
    phase: 'tokens' | 'inbox',
    deleteBatch: (cutoffs: ReturnType<typeof retentionCutoffs>) => Promise<number>,
    onProgress?: (progress: CleanupProgress) => void,
  ): Promise<void> {
    for (;;) {
      if (context.shouldStop()) return;
      const deleted = await deleteBatch(retentionCutoffs(this.clock.now(), this.options));
      if (deleted > 0) await run.ensure();
      if (phase === 'tokens') run.counts.tokensDeleted += deleted;
      else run.counts.inboxDeleted += deleted;
      onProgress?.({
        phase,
        done: phase === 'tokens' ? run.counts.tokensDeleted : run.counts.inboxDeleted,
        total: 0,
      });
      if (deleted < SWEEP_BATCH || !(await context.afterBatch())) return;
    }
  }
}
