/**
 * When a failed attempt is tried again: `attempts` is the number of attempts made (≥ 1); the wait is the
 * schedule's entry for it, scaled by a random factor in [1 − jitter, 1 + jitter]. Null once the schedule is
 * spent: the delivery is failed.
 */
export function nextAttemptDelayMs(
  attempts: number,
  scheduleMs: readonly number[],
  jitter: number,
  random: () => number = Math.random,
): number | null {
  const base = scheduleMs[attempts - 1];
  if (base === undefined) return null;
  return Math.max(1, Math.round(base * (1 + jitter * (2 * random() - 1))));
}
