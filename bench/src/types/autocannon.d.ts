/**
 * The slice of autocannon 9's programmatic API the HTTP rows use. The package ships no types and the
 * bench may not add `@types` packages, so the shapes the bench relies on are declared here.
 */
declare module 'autocannon' {
  import { EventEmitter } from 'node:events';

  namespace autocannon {
    /** Per-connection scratch space, reset before each request when `requests` has one entry. */
    type RequestContext = Record<string, unknown>;

    interface RequestSpec {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Called before every request of its slot; returns the request to send. */
      setupRequest?: (request: RequestSpec, context: RequestContext) => RequestSpec;
      onResponse?: (
        status: number,
        body: string,
        context: RequestContext,
        headers: Record<string, string>,
      ) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds; ignored when `amount` is set. */
      duration?: number;
      /** Total number of requests, spread over the connections. */
      amount?: number;
      pipelining?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Sampling interval in ms; the run only ends on a sample tick. */
      sampleInt?: number;
      requests?: RequestSpec[];
    }

    interface Percentiles {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Percentiles;
      requests: Percentiles & { sent: number; total: number };
    }

    /** Emits `response` (client, status, bytes, ms) per answered request; settles with the result. */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
