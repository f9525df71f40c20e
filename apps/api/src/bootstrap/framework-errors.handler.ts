import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's router answers a malformed percent-encoding (400) or an over-long path parameter (414) before
 * any hook runs, with its own body that quotes the URL and carries no request id. This hands those errors
 * to the instance's error handler instead: Nest's, which runs the envelope filter (where the quoted URL is
 * replaced, see framework-error.messages.ts). The `onRequest` hook that sets `x-request-id` has not run
 * for these requests, so the header is set here. Looked up per error: Nest installs its handler at init.
 */
export function forwardFrameworkErrors(
  fastify: () => FastifyInstance,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    void reply.header('x-request-id', request.id);
    const instance = fastify();
    void instance.errorHandler.call(instance, error, request, reply);
  };
}
