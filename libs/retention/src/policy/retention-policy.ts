import { ResolvedRetentionOptions } from '../retention.options';

/** The instants a cleanup compares rows with, all derived from one "now". */
export interface RetentionCutoffs {
  now: number;
  /** Results created at or before this instant are due. */
  results: number;
  /** Links that ended at or before this instant are deleted. */
  tokens: number;
  /** Processed inbox rows settled at or before this instant are deleted. */
  inbox: number;
}

export function retentionCutoffs(now: Date, options: ResolvedRetentionOptions): RetentionCutoffs {
  const at = now.getTime();
  return {
    now: at,
    results: at - options.resultRetentionMs,
    tokens: at - options.tokenRetentionMs,
    inbox: at - options.inboxRetentionMs,
  };
}

/** When a result's biometric data must be gone: its retention deadline, or earlier when a user asked. */
export function resultDeadline(
  createdAt: number,
  forcedDueAt: number | null,
  options: ResolvedRetentionOptions,
): number {
  const byRetention = createdAt + options.resultRetentionMs;
  return forcedDueAt === null ? byRetention : Math.min(byRetention, forcedDueAt);
}

/** The retention schedule as an operator publishes it (BIPA asks for a public one). */
export interface RetentionSchedule {
  resultRetentionDays: number;
  tokenRetentionDays: number;
  inboxRetentionDays: number;
  cleanupIntervalSeconds: number | null;
  retryPeriodHours: number;
  argosCallsPerSecond: number;
  statement: string;
}

const DAY_MS = 24 * 3600 * 1000;

export function retentionSchedule(options: ResolvedRetentionOptions): RetentionSchedule {
  const days = (ms: number): number => Math.round((ms / DAY_MS) * 1000) / 1000;
  const resultDays = days(options.resultRetentionMs);
  const retryHours = Math.round((options.retry.periodMs / 3600_000) * 1000) / 1000;
  const interval = options.scheduler.enabled ? Math.round(options.scheduler.intervalMs / 1000) : null;
  return {
    resultRetentionDays: resultDays,
    tokenRetentionDays: days(options.tokenRetentionMs),
    inboxRetentionDays: days(options.inboxRetentionMs),
    cleanupIntervalSeconds: interval,
    retryPeriodHours: retryHours,
    argosCallsPerSecond: options.argos.ratePerSecond,
    statement:
      `Face images and the personal data of each face authentication are deleted at Argos Identity and in this ` +
      `service ${resultDays} days after the authentication, or sooner when the person asks, unless a legal hold ` +
      `applies. Used, expired or revoked links are deleted ${days(options.tokenRetentionMs)} days after they ended; ` +
      `webhook records ${days(options.inboxRetentionMs)} days after they were processed. A deletion Argos refuses is ` +
      `retried for ${retryHours} hours, then reported to an operator.`,
  };
}
