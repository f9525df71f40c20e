import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { InjectCleanupInstanceId } from '../lock/instance-id';
import { CleanupTrigger } from '../persistence/cleanup-run.entity';
import { CleanupRunRepository } from '../persistence/cleanup-run.repository';
import { RunRecorder } from './run-recorder';

/** Starts the record of a run (stamped with this instance and the current time). */
@Injectable()
export class RunRecorderFactory {
  constructor(
    private readonly runs: CleanupRunRepository,
    private readonly clock: Clock,
    @InjectCleanupInstanceId() private readonly instanceId: string,
  ) {}

  start(trigger: CleanupTrigger, dryRun = false): RunRecorder {
    return new RunRecorder(this.runs, trigger, dryRun, this.instanceId, this.clock.now());
  }

  /** Marks runs left `running` by a dead process as interrupted (only the lock holder calls this). */
  interruptStale(current: RunRecorder): Promise<number> {
    return this.runs.interruptStale(current.id, current.startedAt);
  }
}
