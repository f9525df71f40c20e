import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { requestIdFor } from './request-id';

/**
 * The Fastify instance behind Nest: request ids (echoed in `x-request-id`), the body limit, proxy trust.
 * Errors raised before a handler (an unparseable JSON body) reach Nest's exception layer, hence the
 * global envelope filter.
 */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    return503OnClosing: true,
    logger: false,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // Error lines and the access line name `request.id`, so logs and answers carry the same id.
    void reply.header('x-request-id', request.id);
    done();
  });
  return adapter;
}
