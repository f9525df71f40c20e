import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig, fastifyTrustProxy } from '@faceauth/service';
import { forwardFrameworkErrors } from './framework-errors.handler';
import { requestIdFor } from './request-id';
import { serverTimeoutOptions } from './server-timeouts';

/**
 * The longest path id a route takes: a user id (`DELETE /v1/users/:authUserId/biometrics`, 1-256
 * characters, see ParseAuthUserIdPipe); authentication ids are up to 128 (ParseAuthIdPipe). Fastify's
 * default (100) would answer a legitimate id with 414 before the route's own validation could name it.
 */
const MAX_PATH_ID_LENGTH = 256;

/**
 * The Fastify instance behind Nest: request ids (echoed in `x-request-id`), the body limit, proxy trust,
 * the server's timeouts. Errors raised before a handler (an unparseable JSON body) reach Nest's exception
 * layer, hence the global envelope filter; so do the router's own (see forwardFrameworkErrors).
 */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  const adapter: FastifyAdapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.http.trustProxy),
    genReqId: requestIdFor,
    return503OnClosing: true,
    logger: false,
    // The service uses no Nest middleware (hooks, guards and interceptors only): without @fastify/middie
    // no request pays its per-request walk (about 4 µs on these machines, bench row `floor`).
    skipMiddie: true,
    routerOptions: { maxParamLength: MAX_PATH_ID_LENGTH },
    frameworkErrors: forwardFrameworkErrors(() => adapter.getInstance()),
    ...serverTimeoutOptions(config.http.timeouts),
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // Error lines and the access line name `request.id`, so logs and answers carry the same id.
    void reply.header('x-request-id', request.id);
    done();
  });
  return adapter;
}
