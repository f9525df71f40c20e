/**
 * What the module's health indicators answer: `{ [key]: { status: 'up' | 'down', ...details } }`, the shape of
 * `@nestjs/terminus`'s `HealthIndicatorResult`, so that a host passes them straight to its own
 * `HealthCheckService.check([...])` (terminus 12 counts a returned `status: 'down'` as a failure: no
 * `HealthCheckError` is needed).
 *
 * Why the indicators do not use terminus themselves: the module would then need `@nestjs/terminus` (an
 * ESM-only package since v12) at runtime in every host, also in the hosts that check their health another way
 * or not at all. Plain objects cost nothing and couple to nothing; the service's controller
 * (apps/api/src/health) is the only place that turns a failed check into its HTTP answer.
 *
 * An indicator never throws and never puts a driver's message, a host or a key in its details: a failure
 * is reported as `status: 'down'` with a `reason`, counts, ages and states only.
 */
export type FaceAuthHealthStatus = 'up' | 'down';

/** The details of one check: its status and what it measured. */
export type FaceAuthHealthDetail<Details extends object = object> = {
  status: FaceAuthHealthStatus;
} & Details;

/** One indicator's answer, under the key the caller chose (terminus's `HealthIndicatorResult`). */
export type FaceAuthHealthResult<Key extends string = string, Details extends object = object> = Record<
  Key,
  FaceAuthHealthDetail<Details>
>;

/** Why a check that queries the database could not measure: no answer in time, or an error. */
export type FaceAuthHealthFailure = { reason: 'timeout' | 'error' };

/** Default bound of a check's database query, in milliseconds. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 2_000;

export function healthResult<const Key extends string, Details extends object>(
  key: Key,
  up: boolean,
  details: Details,
): FaceAuthHealthResult<Key, Details> {
  return { [key]: { status: up ? 'up' : 'down', ...details } } as FaceAuthHealthResult<Key, Details>;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs `work` bounded by `timeoutMs`: its value, or a failure reason (the query itself is left to finish or
 * fail on its own; its error is swallowed, never logged with its text).
 */
export async function measured<T>(
  work: () => Promise<T>,
  timeoutMs: number,
): Promise<{ value: T } | FaceAuthHealthFailure> {
  let timer: NodeJS.Timeout | undefined;
  const running = work();
  running.catch(() => undefined);
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([running, expired]);
    return outcome === TIMED_OUT ? { reason: 'timeout' } : { value: outcome as T };
  } catch {
    return { reason: 'error' };
  } finally {
    clearTimeout(timer);
  }
}
