import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { roundRatios } from '../http/alternating-rounds';
import { cpuMeasurement, heapKbPerReq, runServerRounds, sideDetails } from '../http/cpu-per-request';
import { medianOf, round2 } from '../http/figures';
import { HttpStack, withHttpStack } from '../http/http-stack';
import { assertSameAnswer, fetchJson } from '../http/link-fixtures';
import { SERVER_ENTRIES, ServerProcess } from '../http/server-process';

/**
 * QUALITY.md goal 1, its last sentence: the service's fixed cost per request. `GET /health` is public and
 * touches no database, so every side does the same (no) work and the difference is what every request
 * pays: Fastify hooks (request id, access log and latency histogram, the adapter's own), the Nest router
 * and the global guard's public-route check. Goal: ≤ 1.15× a minimal Nest app (a Nest 12 app with a naive
 * global guard, nest-reference.server.ts) measured in the same rounds; bare Fastify (the bare server's
 * `/health`) runs in the same rotating rounds for the info figures, among them QUALITY.md's reference figure
 * (the minimal Nest app vs bare Fastify, 1.33× there), which had a row of its own until 2026-12-04: it ran the
 * same two servers again, 80 s of a run for a figure these rounds already hold.
 */
export const floorBench: BenchRow = {
  name: 'floor',
  title:
    'GET /health: the service (Fastify hooks, Nest router, global guard on a public route) vs a minimal Nest 12 app on Fastify with a naive global guard answering the same JSON (bare Fastify as info)',
  subjectLabel: 'service GET /health',
  baselineLabel: 'minimal Nest + naive guard GET /health',
  unit: 'µs CPU/req',
  goal: { op: '<=', value: 1.15 },
  run: (ctx) => withHttpStack('sqlite', ctx.log, (stack) => measureFloor(stack, ctx)),
};

async function measureFloor(stack: HttpStack, ctx: BenchContext): Promise<RowMeasurement> {
  const nest = await ServerProcess.start('nest-reference', SERVER_ENTRIES.reference, {});
  try {
    const service = await fetchJson(`${stack.service.baseUrl}/health`, 200);
    for (const [label, server] of [
      ['minimal Nest', nest],
      ['bare Fastify', stack.bare],
    ] as const) {
      assertSameAnswer(`GET /health (${label})`, service, await fetchJson(`${server.baseUrl}/health`, 200), [
        'status',
      ]);
    }
    const rounds = await runServerRounds(
      { subject: stack.service, baseline: nest, bare: stack.bare },
      ctx,
      [{ method: 'GET', path: '/health' }],
      200,
    );
    const measurement = cpuMeasurement(rounds.subject, rounds.baseline, ctx, 'floor', 'none');
    const bareRatios = roundRatios(rounds.subject, rounds.bare, (r) => r.cpuUsPerReq);
    return {
      ...measurement,
      figures: [
        ...(measurement.figures ?? []).map((f) => ({ ...f, label: `${f.label} vs minimal Nest` })),
        {
          // Ratio of the medians here; the median of per-round ratios is `bareRatio` in the JSON.
          label: 'µs CPU/req vs bare Fastify',
          subject: measurement.subject,
          baseline: medianOf(rounds.bare, (r) => r.cpuUsPerReq),
          unit: 'µs CPU/req',
        },
        {
          label: 'heap allocated per request vs bare Fastify',
          subject: heapKbPerReq(rounds.subject),
          baseline: heapKbPerReq(rounds.bare),
          unit: 'KB/req',
        },
        {
          label: 'minimal Nest vs bare Fastify (QUALITY.md reference figure, 1.33× there)',
          subject: medianOf(rounds.baseline, (r) => r.cpuUsPerReq),
          baseline: medianOf(rounds.bare, (r) => r.cpuUsPerReq),
          unit: 'µs CPU/req',
        },
      ],
      details: {
        ...measurement.details,
        ...sideDetails('bare', rounds.bare),
        bareRatio: round2(median(bareRatios)),
        bareRatioRounds: bareRatios.map(round2),
      },
    };
  } finally {
    await nest.stop();
  }
}
