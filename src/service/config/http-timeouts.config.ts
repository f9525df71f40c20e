import { ConfigError } from './config.error';
import { EnvReader } from './env-reader.config';

/** How long the HTTP server waits on a client, in milliseconds (see the README's configuration table). */
export interface HttpTimeoutsConfig {
  /** From a request's first byte to the end of its headers: slow-header (slowloris) sockets are closed. */
  headersMs: number;
  /** From a request's first byte to the end of its body. */
  requestMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number;
  /** Socket inactivity in either direction, responses included; 0 = none. */
  connectionMs: number;
}

const HOUR_MS = 3_600_000;

/** `HTTP_*_TIMEOUT_MS`: each bounded, so that no client can hold a connection open forever by default. */
export function readHttpTimeouts(env: EnvReader): HttpTimeoutsConfig {
  const requestMs = env.int('HTTP_REQUEST_TIMEOUT_MS', 60_000, { min: 100, max: HOUR_MS });
  const headersMs = env.int('HTTP_HEADERS_TIMEOUT_MS', Math.min(10_000, requestMs), {
    min: 100,
    max: HOUR_MS,
  });
  // Node refuses a server whose headers may take longer than the whole request.
  if (headersMs > requestMs)
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', 'must be ≤ HTTP_REQUEST_TIMEOUT_MS');
  return {
    headersMs,
    requestMs,
    keepAliveMs: env.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, { min: 100, max: HOUR_MS }),
    connectionMs: env.int('HTTP_CONNECTION_TIMEOUT_MS', 300_000, { min: 0, max: 24 * HOUR_MS }),
  };
}
