import { BenchRow } from '../bench-row.interface';
import { measureCpuPerRequest } from '../http/cpu-per-request';
import { withHttpStack } from '../http/http-stack';
import { assertSameAnswer, fetchJson } from '../http/link-fixtures';

/**
 * Not a QUALITY.md goal but the reference behind goal 1: the service's fixed cost per request. `GET /health`
 * is public and touches no database, so subject and baseline do the same (no) work and the difference is
 * what every request pays: Fastify hooks (request id, access log and latency histogram, the adapter's
 * own), the Nest router and the global guard's public-route check. Goal: QUALITY.md's reference figure for
 * Nest on Fastify with a naive guard (1.33× bare Fastify).
 */
export const floorBench: BenchRow = {
  name: 'floor',
  title:
    'GET /health: the service (Fastify hooks, Nest router, global guard on a public route) vs a bare Fastify route answering the same JSON',
  subjectLabel: 'service GET /health',
  baselineLabel: 'bare Fastify GET /health',
  unit: 'µs CPU/req',
  goal: { op: '<=', value: 1.33 },
  run: (ctx) =>
    withHttpStack('sqlite', ctx.log, async (stack) => {
      assertSameAnswer(
        'GET /health',
        await fetchJson(`${stack.service.baseUrl}/health`, 200),
        await fetchJson(`${stack.bare.baseUrl}/health`, 200),
        ['status'],
      );
      return measureCpuPerRequest(stack, ctx, [{ method: 'GET', path: '/health' }], 'floor');
    }),
};
