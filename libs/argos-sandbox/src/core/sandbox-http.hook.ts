import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { FaultInjector } from '../faults/fault.injector';
import { CallStatsRecorder } from '../stats/call-stats.recorder';
import { isRestOperation, operationOf } from '../stats/sandbox-operation';

export interface SandboxHookDeps {
  config: SandboxConfig;
  faults: FaultInjector;
  stats: CallStatsRecorder;
}

/**
 * Fastify hooks that must run before Nest's routing: the loopback-only rule of the control API,
 * call counting (faulted calls included) and fault injection on the REST API.
 */
export function installSandboxHooks(fastify: FastifyInstance, deps: SandboxHookDeps): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/__sandbox') && deps.config.controlApiLocalOnly && !isLoopback(request.ip)) {
      return reply.code(403).send({ message: 'The sandbox control API only answers loopback callers' });
    }
    const operation = operationOf(request.method, request.url);
    if (!operation) return;
    deps.stats.recordCall(operation, authIdOf(request));
    if (isRestOperation(operation) && (await deps.faults.intercept(operation, request, reply))) return reply;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const operation = operationOf(request.method, request.url);
    if (operation) deps.stats.recordStatus(operation, authIdOf(request), reply.statusCode);
  });
}

function authIdOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const value = query?.authId ?? query?.auth_id;
  return typeof value === 'string' ? value : undefined;
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
