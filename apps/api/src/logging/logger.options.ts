import { Params } from 'nestjs-pino';
import { DestinationStream } from 'pino';

/** Paths that may carry secrets: internal keys, Argos keys, tokens, ciphertexts, images. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers.location',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.secretKey',
  '*.token',
  '*.key',
  '*.encrypted',
  '*.faceImage',
  '*.image',
];

/** Query values and path segments that are secrets in themselves (ciphertexts, short-link ids). */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:encrypted|token|key|apiKey|api_key|secret)=)[^&#]*/gi, '$1[redacted]')
    .replace(/^\/l\/[^/?#]+/, '/l/[redacted]')
    .replace(/^(\/webhooks\/[^/?#]+\/)[^/?#]+/, '$1[redacted]')
    .replace(/^(\/v1\/users\/)[^/?#]+/, '$1[redacted]');
}

/**
 * Structured JSON logs with secret-bearing paths removed. nestjs-pino's per-request middleware (pino-http
 * behind @fastify/middie, a child logger and an AsyncLocalStorage scope per request) is not mounted: it cost
 * ~10 µs CPU per request, a third of a trivial route, and what it gave is carried explicitly instead (the
 * access line and every error line name the request id).
 */
export function loggerOptions(level: string, stream?: DestinationStream): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level,
      stream,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Access lines come from a Fastify hook (see access-log.hook.ts), which sees every route.
      autoLogging: false,
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url ?? ''),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
