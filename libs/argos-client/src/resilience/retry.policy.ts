import { fullJitterBackoffMs } from '@faceauth/core';

/** Which calls a failure may be retried for. */
export type Retryability =
  /** 4xx, bad responses, aborts: retrying cannot help or is unsafe. */
  | 'never'
  /** 5xx, timeouts, resets: only safe when repeating the call cannot change state twice (GET, DELETE). */
  | 'idempotent'
  /** The request provably never reached Argos (connection refused, connect timeout, DNS): safe for POST too. */
  | 'always';

export interface RetrySettings {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export interface RetryQuestion {
  readonly retryability: Retryability;
  readonly idempotent: boolean;
  /** 1-based number of the attempt that just failed. */
  readonly attempt: number;
  /** Milliseconds the vendor asked us to wait (`Retry-After`), if it did. */
  readonly retryAfterMs?: number;
  /** Milliseconds left before the call's overall deadline. */
  readonly remainingMs: number;
}

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * Decides whether to make another attempt and after how long: exponential backoff with full jitter
 * (AWS "Exponential Backoff and Jitter"), at least `Retry-After` when the vendor sent one, and never
 * past the overall deadline. A `Retry-After` longer than `maxRetryAfterMs` ends the call instead of
 * blocking it; the caller gets `retryAfterSeconds` on the error.
 */
export function decideRetry(
  question: RetryQuestion,
  settings: RetrySettings,
  random: () => number,
): RetryDecision {
  const allowed =
    question.retryability === 'always' || (question.retryability === 'idempotent' && question.idempotent);
  if (!allowed || question.attempt >= settings.maxAttempts) return { retry: false };
  if (question.retryAfterMs !== undefined && question.retryAfterMs > settings.maxRetryAfterMs)
    return { retry: false };
  const delayMs = Math.max(backoffDelayMs(question.attempt, settings, random), question.retryAfterMs ?? 0);
  // Sleeping into the deadline would only turn the real failure into a TIMEOUT with less information.
  if (delayMs >= question.remainingMs) return { retry: false };
  return { retry: true, delayMs };
}

/** Full jitter: uniform in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))], rounded to the nearest ms. */
export function backoffDelayMs(
  attempt: number,
  settings: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  return fullJitterBackoffMs(
    attempt,
    { baseMs: settings.baseDelayMs, capMs: settings.maxDelayMs, rounding: 'nearest' },
    random,
  );
}
