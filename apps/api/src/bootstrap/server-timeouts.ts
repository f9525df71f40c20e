import { ServerOptions } from 'node:http';
import { HttpTimeoutsConfig } from '@faceauth/service';

/** Node's own interval between two checks of `headersTimeout` and `requestTimeout`. */
const NODE_CHECK_INTERVAL_MS = 30_000;

/**
 * The HTTP server's timeouts, as Fastify's options (Fastify sets `requestTimeout`, `keepAliveTimeout`
 * and the socket timeout on the server it creates) plus the options of `http.createServer` that only it
 * takes. Node enforces `headersTimeout` and `requestTimeout` on a timer, every 30 s by default: checking
 * four times per shortest timeout closes a slow client within 1.25× its setting.
 */
export function serverTimeoutOptions(timeouts: HttpTimeoutsConfig): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  http: ServerOptions;
} {
  const checkEvery = Math.min(NODE_CHECK_INTERVAL_MS, Math.ceil(timeouts.headersMs / 4));
  return {
    connectionTimeout: timeouts.connectionMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: checkEvery,
    },
  };
}
