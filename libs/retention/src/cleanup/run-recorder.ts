import { randomUUID } from 'node:crypto';
import { CleanupRunEntity, CleanupRunOutcome, CleanupTrigger } from '../persistence/cleanup-run.entity';
import { CleanupRunRepository, RunCounts, zeroCounts } from '../persistence/cleanup-run.repository';

/**
 * The `faceauth_cleanup_runs` row of one run, inserted on first need (a scheduled tick with nothing to do leaves
 * no row), so audit rows written during the run can reference it.
 */
export class RunRecorder {
  readonly id = randomUUID();
  readonly counts: RunCounts = zeroCounts();
  private inserted: Promise<void> | null = null;

  constructor(
    private readonly runs: CleanupRunRepository,
    readonly trigger: CleanupTrigger,
    readonly dryRun: boolean,
    private readonly instanceId: string,
    readonly startedAt: Date,
  ) {}

  get recorded(): boolean {
    return this.inserted !== null;
  }

  /** Inserts the row once; returns the run id. */
  async ensure(): Promise<string> {
    this.inserted ??= this.runs.insert(
      Object.assign(new CleanupRunEntity(), {
        id: this.id,
        trigger: this.trigger,
        dryRun: this.dryRun,
        instanceId: this.instanceId,
        outcome: 'running' as const,
        startedAt: this.startedAt,
        finishedAt: null,
        errorCode: null,
        ...this.counts,
      }),
    );
    await this.inserted;
    return this.id;
  }

  async finish(outcome: CleanupRunOutcome, finishedAt: Date, errorCode: string | null = null): Promise<void> {
    if (!this.recorded) return;
    await this.inserted;
    await this.runs.update(this.id, { outcome, finishedAt, errorCode, ...this.counts });
  }
}
