/** The shape of one caller's backoff; the two callers differ in how a draw becomes whole milliseconds. */
export interface FullJitterBackoff {
  /** The ceiling of the first attempt's delay; doubled per further attempt. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly capMs: number;
  /** `nearest`: a delay in [0, ceiling]; `floor`: in [0, ceiling − 1] (the ceiling if `random()` is 1). */
  readonly rounding: 'nearest' | 'floor';
  /** The smallest delay returned; default 0. */
  readonly minMs?: number;
}

/**
 * Exponential backoff with full jitter (AWS "Exponential Backoff and Jitter"): a uniform draw in
 * [0, min(capMs, baseMs · 2^(attempt − 1))], `attempt` 1-based (anything below 1 counts as 1).
 * `random()` is clamped to [0, 1], so an injected source cannot push the delay past the ceiling.
 */
export function fullJitterBackoffMs(
  attempt: number,
  backoff: FullJitterBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  const scaled = Math.min(Math.max(random(), 0), 1) * ceiling;
  const delay = backoff.rounding === 'floor' ? Math.floor(scaled) : Math.round(scaled);
  return Math.max(backoff.minMs ?? 0, delay);
}
