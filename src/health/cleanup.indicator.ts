import { Injectable } from '@nestjs/common';
import { CleanupReportService } from '@faceauth/retention';
import {
  DEFAULT_HEALTH_TIMEOUT_MS,
  FaceAuthHealthFailure,
  FaceAuthHealthResult,
  healthResult,
  measured,
} from './health-indicator-result';

export interface CleanupHealthOptions {
  /**
   * How long past its deadline a result may still wait for the cleanup before the check is down (default
   * 3,600 s: the default cleanup runs every 5 minutes, and a refused deletion is retried with backoff).
   */
  graceSeconds?: number;
  /** Bound of the query (default 2,000 ms). */
  timeoutMs?: number;
}

export type CleanupHealthDetails = { graceSeconds: number } & (
  | {
      /** Results past their deletion deadline by more than the grace, not held, not deleted yet. */
      overdue: number;
    }
  | FaceAuthHealthFailure
);

export const DEFAULT_CLEANUP_GRACE_SECONDS = 3_600;

/**
 * The retention cleanup keeps up: no result's biometric data is kept longer than its deadline plus a grace.
 * Down while any is (a stopped scheduler, Argos refusing deletions, deletions given up that need an operator:
 * see `GET /v1/cleanup/overdue`). One indexed COUNT, the cleanup's own `overdue` statement.
 */
@Injectable()
export class CleanupIndicator {
  constructor(private readonly report: CleanupReportService) {}

  async isHealthy<const Key extends string>(
    key: Key,
    options: CleanupHealthOptions = {},
  ): Promise<FaceAuthHealthResult<Key, CleanupHealthDetails>> {
    const graceSeconds = options.graceSeconds ?? DEFAULT_CLEANUP_GRACE_SECONDS;
    const overdue = await measured(
      () => this.report.countOverdueBeyond(graceSeconds * 1000),
      options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    );
    if (!('value' in overdue)) return healthResult(key, false, { graceSeconds, reason: overdue.reason });
    return healthResult(key, overdue.value === 0, { overdue: overdue.value, graceSeconds });
  }
}
