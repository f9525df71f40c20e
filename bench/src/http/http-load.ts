import autocannon from 'autocannon';

export interface LoadSpec {
  baseUrl: string;
  connections: number;
  /** Either a duration in seconds… */
  durationS?: number;
  /** …or a fixed number of requests. */
  amount?: number;
  requests: autocannon.RequestSpec[];
}

export interface LoadResult {
  /** 2xx answers. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** From the start of the run to its last answer (autocannon only stops on a sample tick). */
  activeS: number;
  okPerS: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

/** One autocannon run from this process (keep-alive connections, no pipelining). */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url: spec.baseUrl,
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.durationS ?? 1 }),
    pipelining: 1,
    timeout: 10,
    // A short sample interval: a run only ends on a tick, and idle tail time would dilute the figures.
    sampleInt: 100,
    requests: spec.requests,
  });
  instance.on('response', () => {
    lastAnswer = performance.now();
  });
  const result = await instance;
  const activeS = Math.max(lastAnswer - started, 1) / 1000;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    activeS,
    okPerS: result['2xx'] / activeS,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
  };
}

/** Throws unless every request got the expected status: figures of a failing server are meaningless. */
export function assertAllAnswered(
  label: string,
  result: LoadResult,
  status: number,
  expected?: number,
): void {
  const good = result.statuses[String(status)] ?? 0;
  const total = Object.values(result.statuses).reduce((a, b) => a + b, 0);
  if (good !== total || result.errors > 0 || (expected !== undefined && good !== expected)) {
    throw new Error(
      `${label}: expected ${expected ?? 'every'} answer(s) ${status}, got ${JSON.stringify(result.statuses)} ` +
        `with ${result.errors} connection error(s) and ${result.timeouts} timeout(s)`,
    );
  }
}
