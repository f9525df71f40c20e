import { fullJitterBackoffMs } from '@faceauth/core';

/**
 * How long a failed inbox row waits before its next attempt: core's full-jitter backoff, at most
 * min(capMs, baseMs · 2^(attempt − 1)), rounded down and at least 1 ms so `retryAt` is always later than now.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  return fullJitterBackoffMs(attempt, { baseMs, capMs, rounding: 'floor', minMs: 1 }, random);
}
