import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { measureCpuPerRequest } from '../http/cpu-per-request';
import { SERVER_ENTRIES, ServerProcess } from '../http/server-process';

/**
 * Not a QUALITY.md goal but its reference figure, reproduced in the same run: a minimal Nest app with a naive
 * global guard vs bare Fastify on a trivial route (QUALITY.md: 1.33×). The same minimal app is the `floor`
 * row's baseline (the service's `GET /health` ≤ 1.15× it, measured in the floor row's own rounds); this row
 * shows what Nest itself costs over bare Fastify on this machine.
 */
export const nestReferenceBench: BenchRow = {
  name: 'nest-reference',
  title:
    'GET /health: a minimal Nest 12 app on Fastify with a naive global guard vs bare Fastify (QUALITY.md reference)',
  subjectLabel: 'minimal Nest + naive guard',
  baselineLabel: 'bare Fastify',
  unit: 'µs CPU/req',
  goal: { op: '<=', value: 1.33 },
  run: (ctx) => measureReference(ctx),
};

async function measureReference(ctx: BenchContext): Promise<RowMeasurement> {
  const started: ServerProcess[] = [];
  try {
    const nest = await ServerProcess.start('nest-reference', SERVER_ENTRIES.reference, {
      REFERENCE_STACK: 'nest',
    });
    started.push(nest);
    const bare = await ServerProcess.start('fastify-reference', SERVER_ENTRIES.reference, {
      REFERENCE_STACK: 'fastify',
    });
    started.push(bare);
    return await measureCpuPerRequest(
      { service: nest, bare },
      ctx,
      [{ method: 'GET', path: '/health' }],
      null,
    );
  } finally {
    await Promise.allSettled(started.map((s) => s.stop()));
  }
}
