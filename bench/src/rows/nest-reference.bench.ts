import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { runHttpRounds } from '../http/cpu-per-request';
import { medianOf, round2, roundsOf } from '../http/figures';
import { pairedRatios } from '../http/alternating-rounds';
import { SERVER_ENTRIES, ServerProcess } from '../http/server-process';
import { median } from '../measure/median';

/**
 * Not a QUALITY.md goal but its reference figure, reproduced in the same run: a minimal Nest app with a naive
 * global guard vs bare Fastify on a trivial route (QUALITY.md: 1.33×). Read it next to `floor` (the service on
 * the same route): the difference between the two rows is what the product adds to every request on top of
 * Nest itself, and the 1.25× bound of `admin-get` has to fit above both.
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
    const rounds = await runHttpRounds(
      { service: nest, bare },
      ctx,
      [{ method: 'GET', path: '/health' }],
      200,
    );
    const ratios = pairedRatios(rounds, (r) => r.cpuUsPerReq);
    return {
      subject: medianOf(rounds.subject, (r) => r.cpuUsPerReq),
      baseline: medianOf(rounds.baseline, (r) => r.cpuUsPerReq),
      ratio: median(ratios),
      details: {
        ratioRounds: ratios.map(round2),
        subjectCpuUsPerReqRounds: roundsOf(rounds.subject, (r) => r.cpuUsPerReq),
        baselineCpuUsPerReqRounds: roundsOf(rounds.baseline, (r) => r.cpuUsPerReq),
      },
    };
  } finally {
    await Promise.allSettled(started.map((s) => s.stop()));
  }
}
