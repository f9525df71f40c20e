/**
 * Reads a `Retry-After` header (delta-seconds or HTTP-date) as milliseconds from `nowMs`.
 * Returns undefined when absent or unreadable, so a garbage header never blocks a retry.
 */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, at - nowMs);
}
