import { CleanupRunOutcome, CleanupTrigger } from '../persistence/cleanup-run.entity';
import { RunCounts } from '../persistence/cleanup-run.repository';

/** What to run. */
export interface CleanupRequest {
  /** Who asked (default `api`). */
  trigger?: Exclude<CleanupTrigger, 'user_request'>;
  /** Count what a run would do, change nothing, call nobody. */
  dryRun?: boolean;
  /** Give results reported as failed a fresh retry period first. */
  retryFailed?: boolean;
  /** Called after each batch (e.g. a CLI progress bar). */
  onProgress?: (progress: CleanupProgress) => void;
}

export interface CleanupProgress {
  phase: 'results' | 'tokens' | 'inbox';
  /** Results settled so far in this run (or rows deleted, for tokens and inbox). */
  done: number;
  /** Results due when the run started (a lower bound: rows keep becoming due). */
  total: number;
}

/**
 * The outcome of one run. `skipped`: another instance holds the lock (scheduled ticks only; other triggers
 * get CLEANUP_RUN_IN_PROGRESS); `idle`: a scheduled tick found nothing to do (not recorded).
 */
export interface CleanupRunSummary {
  runId: string | null;
  trigger: CleanupTrigger;
  dryRun: boolean;
  outcome: CleanupRunOutcome | 'skipped' | 'idle';
  startedAt: Date;
  finishedAt: Date;
  counts: RunCounts;
  /** Results past their deadline and not deleted when the run ended (0 is the goal); null when skipped. */
  overdue: number | null;
}
