import { LoggerService } from '@nestjs/common';
import { FastifyInstance } from 'fastify';
import { FaceAuthMetrics } from '@faceauth/core';
import { isDocsRoute } from '../bootstrap/swagger.setup';
import { redactUrl } from './logger.options';

/**
 * One structured line per answered request, from Fastify's own hook so that every route (including
 * errors raised before a handler) is logged, and the request's latency by route pattern (Swagger's own
 * routes aside). Only method, redacted URL, status and duration: never headers or bodies, which may carry
 * keys, tokens, ciphertexts or images.
 */
export function registerAccessLog(
  fastify: FastifyInstance,
  logger: LoggerService,
  metrics: FaceAuthMetrics,
  enabled: boolean,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    // Swagger's UI assets are a developer's page loads, not the service's latency.
    if (!isDocsRoute(route)) {
      metrics.httpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    }
    if (enabled && !request.url.startsWith('/health')) {
      // Flat fields and `msg` in the object: a second argument would become nestjs-pino's `context`, and
      // pino-http's `req`/`res` serializers expect raw objects (a plain `res` logs `statusCode: null`).
      logger.log({
        msg: 'request completed',
        requestId: request.id,
        method: request.method,
        url: redactUrl(request.url),
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      });
    }
    done();
  });
}
