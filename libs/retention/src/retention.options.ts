import { Inject } from '@nestjs/common';
import { ModuleOptionsError, OptionGroup, OptionRange, validateModuleOptions } from '@faceauth/core';
import { IsBoolean, IsIn } from 'class-validator';

const DAY_MS = 24 * 3600 * 1000;
/** BIPA: biometric data is destroyed within three years at most. */
export const MAX_RESULT_RETENTION_DAYS = 3 * 365;

class SchedulerOptions {
  /** Run cleanup on a timer in this process (default true). */
  @IsBoolean({ message: 'must be true or false' }) enabled = true;
  /** Time between ticks (default 5 minutes). */
  @OptionRange(10, 7 * DAY_MS) intervalMs = 300_000;
}

class ArgosPacingOptions {
  /** Cap on cleanup's calls to Argos, per second (default 10). Runs are serialised across instances, so the cap is global. */
  @OptionRange(0.01, 10_000, { integer: false }) ratePerSecond = 10;
  /** Calls allowed at once after an idle period (default 1: calls are evenly spaced). */
  @OptionRange(1, 10_000) burst = 1;
  /** Deletions in flight at once within a batch (default 4). */
  @OptionRange(1, 64) concurrency = 4;
}

class RetryOptions {
  /** How long a refused deletion is retried before it is reported as failed (default 72 hours). */
  @OptionRange(0, 90 * DAY_MS) periodMs = 72 * 3600 * 1000;
  /** First backoff delay (default 1 minute); doubles per attempt, jittered. */
  @OptionRange(1, 7 * DAY_MS) baseDelayMs = 60_000;
  /** Longest backoff delay (default 6 hours); at least `baseDelayMs`. */
  @OptionRange('baseDelayMs', 30 * DAY_MS) maxDelayMs = 6 * 3600 * 1000;
}

class LockOptions {
  /** `auto`: PostgreSQL advisory lock, lease row on SQLite; `lease`: a lease row everywhere (e.g. behind PgBouncer). */
  @IsIn(['auto', 'lease'], { message: 'must be auto or lease' }) strategy: 'auto' | 'lease' = 'auto';
  /** Lifetime of the lease row, renewed after each batch (default 2 minutes); at least twice a batch at the rate cap. */
  @OptionRange(1_000, DAY_MS) leaseMs = 120_000;
}

/** The retention schedule and how the cleanup job enforces it: every option, its bounds and its default. */
export class RetentionOptionsSchema {
  /** Days after a result's creation until its biometric data is deleted at Argos and purged here (default 30, at most 1,095). */
  @OptionRange(1, MAX_RESULT_RETENTION_DAYS) resultRetentionDays = 30;
  /** Days a used, expired or revoked link is kept after it ended (default 30). */
  @OptionRange(1, 3650) tokenRetentionDays = 30;
  /** Days a processed (done, ignored or dead) webhook inbox row is kept (default 30). */
  @OptionRange(1, 3650) inboxRetentionDays = 30;
  @OptionGroup(() => SchedulerOptions) scheduler = new SchedulerOptions();
  /** Results claimed per batch (default 100). */
  @OptionRange(1, 1000) batchSize = 100;
  @OptionGroup(() => ArgosPacingOptions) argos = new ArgosPacingOptions();
  @OptionGroup(() => RetryOptions) retry = new RetryOptions();
  /** How long a claimed result stays reserved for its worker (default 5 minutes); at least twice a batch at the rate cap. */
  @OptionRange(1_000, DAY_MS) claimLeaseMs = 300_000;
  @OptionGroup(() => LockOptions) lock = new LockOptions();
}

/** What a host passes: every option optional, groups partially. */
export type RetentionModuleOptions = {
  [K in keyof RetentionOptionsSchema]?: Partial<RetentionOptionsSchema[K]>;
};

type RetentionDays = 'resultRetentionDays' | 'tokenRetentionDays' | 'inboxRetentionDays';
export type ResolvedRetentionOptions = Omit<RetentionOptionsSchema, RetentionDays> & {
  resultRetentionMs: number;
  tokenRetentionMs: number;
  inboxRetentionMs: number;
};

export const RETENTION_OPTIONS = Symbol('faceauth:retention-options');
export const InjectRetentionOptions = (): ParameterDecorator => Inject(RETENTION_OPTIONS);

/** Fills defaults and validates once at init; throws `ModuleOptionsError` naming the bad option. */
export function resolveRetentionOptions(options: RetentionModuleOptions): ResolvedRetentionOptions {
  const valid = validateModuleOptions('RetentionModule', RetentionOptionsSchema, options);
  // A batch must finish well inside its claim and the lock's lease, or another worker takes them over.
  const batchMs = (valid.batchSize / valid.argos.ratePerSecond) * 1000;
  for (const [option, value] of [
    ['claimLeaseMs', valid.claimLeaseMs],
    ['lock.leaseMs', valid.lock.leaseMs],
  ] as const) {
    if (value < 2 * batchMs) {
      const rule = `must be at least twice a batch at the rate cap (${Math.ceil(2 * batchMs)} ms)`;
      throw new ModuleOptionsError('RetentionModule', option, rule);
    }
  }
  const { resultRetentionDays, tokenRetentionDays, inboxRetentionDays, ...rest } = valid;
  return {
    ...rest,
    resultRetentionMs: resultRetentionDays * DAY_MS,
    tokenRetentionMs: tokenRetentionDays * DAY_MS,
    inboxRetentionMs: inboxRetentionDays * DAY_MS,
  };
}
