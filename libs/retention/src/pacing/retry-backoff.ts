/**
 * When a refused deletion is tried again: exponential from `baseDelayMs`, capped at `maxDelayMs`, with
 * "equal jitter" (half fixed, half random) so instances do not retry in step. Never past the end of the
 * retry period, so the last attempt happens exactly when the period ends. Null = the period is over.
 */
export function nextRetryAt(
  now: number,
  firstFailureAt: number,
  attempts: number,
  policy: { periodMs: number; baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number | null {
  const end = firstFailureAt + policy.periodMs;
  if (now >= end) return null;
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jittered = delay / 2 + random() * (delay / 2);
  return Math.min(end, now + Math.ceil(jittered));
}
