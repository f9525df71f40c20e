import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { BenchDatabaseKind } from '../http/bench-database';
import { measureCpuPerRequest } from '../http/cpu-per-request';
import { HttpStack, withHttpStack } from '../http/http-stack';
import { assertBothRefuse, assertSameAnswer, fetchJson, jsonHeaders, seedLinks } from '../http/link-fixtures';

// Enough distinct rows that the reads are not one hot row, few enough to seed in a second.
const SEEDED_LINKS = 200;

/**
 * QUALITY.md goal 1: the guarded, validated admin GET costs ≤ 1.25× the server CPU per request of a bare
 * Fastify handler doing the same work (primary-key SELECT, encrypted URL, JSON).
 */
export function adminGetBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `admin-get-${kind}`,
    title: `GET /v1/links/:id on ${kind}: the service (guard, ParseUUIDPipe, raw SELECT, URL encryption) vs bare Fastify + raw driver doing the same SELECT, encryption and JSON`,
    subjectLabel: 'service GET /v1/links/:id',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`,
    unit: 'µs CPU/req',
    goal: { op: '<=', value: 1.25 },
    run: (ctx) => withHttpStack(kind, ctx.log, (stack) => measureAdminGet(stack, ctx)),
  };
}

async function measureAdminGet(stack: HttpStack, ctx: BenchContext): Promise<RowMeasurement> {
  const ids = await seedLinks(stack, SEEDED_LINKS);
  const headers = jsonHeaders(stack.apiKey);
  const probeId = ids[0] ?? '';
  assertSameAnswer(
    'GET /v1/links/:id',
    await fetchJson(`${stack.service.baseUrl}/v1/links/${probeId}`, 200, { headers }),
    await fetchJson(`${stack.bare.baseUrl}/v1/links/${probeId}`, 200, { headers }),
    ['url', 'token', 'status', 'policy', 'expiresAt'],
  );
  await assertBothRefuse(stack, [
    { path: `/v1/links/${probeId}`, init: {}, status: 401 },
    { path: '/v1/links/not-a-uuid', init: { headers }, status: 400 },
  ]);
  // Identical requests to both sides.
  const requests = ids.map((id) => ({ method: 'GET', path: `/v1/links/${id}`, headers }));
  return measureCpuPerRequest(stack, ctx, requests, `admin-get-${stack.kind}`);
}
