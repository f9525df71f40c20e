import { Inject } from '@nestjs/common';

const DAY_MS = 24 * 3600 * 1000;
/** BIPA: biometric data is destroyed within three years at most. */
export const MAX_RESULT_RETENTION_DAYS = 3 * 365;

/** The retention schedule and how the cleanup job enforces it. Every field is optional. */
export interface RetentionModuleOptions {
  /** Days after a result's creation until its biometric data is deleted at Argos and purged here (default 30, at most 1,095). */
  resultRetentionDays?: number;
  /** Days a used, expired or revoked link is kept after it ended (default 30). */
  tokenRetentionDays?: number;
  /** Days a processed (done, ignored or dead) webhook inbox row is kept (default 30). */
  inboxRetentionDays?: number;
  scheduler?: {
    /** Run cleanup on a timer in this process (default true). */
    enabled?: boolean;
    /** Time between ticks (default 5 minutes). */
    intervalMs?: number;
  };
  /** Results claimed per batch (default 100). */
  batchSize?: number;
  argos?: {
    /** Cap on cleanup's calls to Argos, per second (default 10). Runs are serialised across instances, so the cap is global. */
    ratePerSecond?: number;
    /** Calls allowed at once after an idle period (default 1: calls are evenly spaced). */
    burst?: number;
    /** Deletions in flight at once within a batch (default 4). */
    concurrency?: number;
  };
  retry?: {
    /** How long a refused deletion is retried before it is reported as failed (default 72 hours). */
    periodMs?: number;
    /** First backoff delay (default 1 minute); doubles per attempt, jittered. */
    baseDelayMs?: number;
    /** Longest backoff delay (default 6 hours). */
    maxDelayMs?: number;
  };
  /** How long a claimed result stays reserved for its worker (default 5 minutes); keep it above a batch's duration. */
  claimLeaseMs?: number;
  lock?: {
    /** `auto`: PostgreSQL advisory lock, lease row on SQLite; `lease`: a lease row everywhere (e.g. behind PgBouncer). */
    strategy?: 'auto' | 'lease';
    /** Lifetime of the lease row, renewed after each batch (default 2 minutes). */
    leaseMs?: number;
  };
}

export interface ResolvedRetentionOptions {
  resultRetentionMs: number;
  tokenRetentionMs: number;
  inboxRetentionMs: number;
  scheduler: { enabled: boolean; intervalMs: number };
  batchSize: number;
  argos: { ratePerSecond: number; burst: number; concurrency: number };
  retry: { periodMs: number; baseDelayMs: number; maxDelayMs: number };
  claimLeaseMs: number;
  lock: { strategy: 'auto' | 'lease'; leaseMs: number };
}

export const RETENTION_OPTIONS = Symbol('faceauth:retention-options');
export const InjectRetentionOptions = (): ParameterDecorator => Inject(RETENTION_OPTIONS);

function number(value: number, name: string, min: number, max: number, integer = true): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    throw new Error(
      `RetentionModule option ${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    );
  }
  return value;
}

/** Fills defaults and validates; the message names the bad option. */
export function resolveRetentionOptions(options: RetentionModuleOptions): ResolvedRetentionOptions {
  const s = options.scheduler ?? {};
  const a = options.argos ?? {};
  const r = options.retry ?? {};
  const l = options.lock ?? {};
  const strategy = l.strategy ?? 'auto';
  if (strategy !== 'auto' && strategy !== 'lease')
    throw new Error('RetentionModule option lock.strategy must be auto or lease');
  const baseDelayMs = number(r.baseDelayMs ?? 60_000, 'retry.baseDelayMs', 1, 7 * DAY_MS);
  const batchSize = number(options.batchSize ?? 100, 'batchSize', 1, 1000);
  const ratePerSecond = number(a.ratePerSecond ?? 10, 'argos.ratePerSecond', 0.01, 10_000, false);
  const claimLeaseMs = number(options.claimLeaseMs ?? 300_000, 'claimLeaseMs', 1_000, DAY_MS);
  const lockLeaseMs = number(l.leaseMs ?? 120_000, 'lock.leaseMs', 1_000, DAY_MS);
  // A batch must finish well inside its claim and the lock's lease, or another worker takes them over.
  const batchMs = (batchSize / ratePerSecond) * 1000;
  for (const [name, value] of [
    ['claimLeaseMs', claimLeaseMs],
    ['lock.leaseMs', lockLeaseMs],
  ] as const) {
    if (value < 2 * batchMs) {
      throw new Error(
        `RetentionModule option ${name} must be at least twice a batch at the rate cap (${Math.ceil(2 * batchMs)} ms)`,
      );
    }
  }
  return {
    resultRetentionMs:
      number(options.resultRetentionDays ?? 30, 'resultRetentionDays', 1, MAX_RESULT_RETENTION_DAYS) * DAY_MS,
    tokenRetentionMs: number(options.tokenRetentionDays ?? 30, 'tokenRetentionDays', 1, 3650) * DAY_MS,
    inboxRetentionMs: number(options.inboxRetentionDays ?? 30, 'inboxRetentionDays', 1, 3650) * DAY_MS,
    scheduler: {
      enabled: s.enabled ?? true,
      intervalMs: number(s.intervalMs ?? 300_000, 'scheduler.intervalMs', 10, 7 * DAY_MS),
    },
    batchSize,
    argos: {
      ratePerSecond,
      burst: number(a.burst ?? 1, 'argos.burst', 1, 10_000),
      concurrency: number(a.concurrency ?? 4, 'argos.concurrency', 1, 64),
    },
    retry: {
      periodMs: number(r.periodMs ?? 72 * 3600 * 1000, 'retry.periodMs', 0, 90 * DAY_MS),
      baseDelayMs,
      maxDelayMs: number(r.maxDelayMs ?? 6 * 3600 * 1000, 'retry.maxDelayMs', baseDelayMs, 30 * DAY_MS),
    },
    claimLeaseMs,
    lock: { strategy, leaseMs: lockLeaseMs },
  };
}
