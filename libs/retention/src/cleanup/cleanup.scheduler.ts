import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DatabaseOutageBackoff } from '@faceauth/core';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { failureCode } from './argos-deletion.step';
import { CleanupService } from './cleanup.service';

export const CLEANUP_INTERVAL_NAME = 'faceauth-cleanup';

/**
 * Ticks the cleanup every `scheduler.intervalMs` (unless disabled). A tick that finds a run still going in
 * this process is skipped; one that finds the lock held elsewhere does nothing. The timer is registered
 * with `@nestjs/schedule`'s SchedulerRegistry when the host imports ScheduleModule, and never keeps the
 * process alive on its own.
 */
@Injectable()
export class CleanupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Cleanup');
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private readonly outage = new DatabaseOutageBackoff(this.logger, 'scheduled cleanup');

  constructor(
    private readonly cleanup: CleanupService,
    @InjectRetentionOptions() private readonly options: ResolvedRetentionOptions,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.scheduler.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.options.scheduler.intervalMs);
    this.timer.unref();
    if (this.registry && !this.registry.doesExist('interval', CLEANUP_INTERVAL_NAME)) {
      this.registry.addInterval(CLEANUP_INTERVAL_NAME, this.timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      if (this.registry?.doesExist('interval', CLEANUP_INTERVAL_NAME))
        this.registry.deleteInterval(CLEANUP_INTERVAL_NAME);
    }
    await this.running;
  }

  /** One scheduled tick; resolves when it is over. Never throws. */
  tick(): Promise<void> {
    this.running ??= this.cleanup
      .run({ trigger: 'schedule' })
      .then(() => this.outage.succeeded())
      .catch((error: unknown) => {
        if (!this.outage.failed(error))
          this.logger.error(`Scheduled cleanup failed (${failureCode(error)}); the next tick retries`);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
