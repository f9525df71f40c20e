import autocannon from 'autocannon';
import { BenchComparison, BenchContext, ComparisonGoal, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import {
  AlternatingRounds,
  roundDifferences,
  roundRatios,
  RotatingRounds,
  runRotatingRounds,
} from './alternating-rounds';
import { medianOf, megabytes, round2, roundsOf } from './figures';
import { assertAllAnswered, runLoad } from './http-load';
import { httpPlan } from './http-plan';
import { HttpStack } from './http-stack';
import { ServerProcess } from './server-process';
import { measureServerRound, ServerRound } from './server-round';
import { recordServiceRss } from './service-rss.tracker';

/**
 * Alternating subject/baseline rounds of the same requests (every answer must have `status`): the server
 * CPU and the load figures of each round.
 */
export async function runHttpRounds(
  stack: Pick<HttpStack, 'service' | 'bare'>,
  ctx: BenchContext,
  requests: autocannon.RequestSpec[],
  status: number,
): Promise<AlternatingRounds<ServerRound>> {
  const rounds = await runServerRounds(
    { subject: stack.service, baseline: stack.bare },
    ctx,
    requests,
    status,
  );
  return { subject: rounds.subject, baseline: rounds.baseline };
}

/**
 * The same requests on two or more servers, in rotating rounds (`runRotatingRounds`: each server first,
 * in the middle and last in turn); the keys of `servers` name the sides (`subject`, `baseline`, `peer`…).
 */
export async function runServerRounds<S extends string>(
  servers: Record<S, ServerProcess>,
  ctx: BenchContext,
  requests: autocannon.RequestSpec[],
  status: number,
): Promise<RotatingRounds<S, ServerRound>> {
  const plan = httpPlan(ctx);
  const sides = Object.keys(servers) as S[];
  const width = Math.max(8, ...sides.map((side) => side.length));
  return runRotatingRounds(plan, sides, async (round): Promise<ServerRound> => {
    const server = servers[round.side];
    const measured = await measureServerRound(server, () =>
      runLoad({
        baseUrl: server.baseUrl,
        connections: plan.connections,
        durationS: round.warmup ? plan.warmupS : plan.roundS,
        requests,
      }),
    );
    assertAllAnswered(`${server.label} round ${round.label}`, measured.load, status);
    ctx.log(
      `bench:   ${round.side.padEnd(width)} round ${round.label}: ${measured.cpuUsPerReq.toFixed(1)} µs CPU/req, ${Math.round(measured.load.okPerS)} req/s, ${(measured.allocBytesPerReq / 1024).toFixed(1)} KB heap allocated/req`,
    );
    return measured;
  });
}

/**
 * The row figures of CPU rounds: subject and baseline µs CPU per request (medians), the ratio (median of
 * per-round ratios, the judged figure round by round in `rounds`), heap allocated per request as a figure
 * and the load figures in `details`. `rowName` labels the service's peak RSS; `null` when the subject is
 * not the service (a reference stack), whose RSS is not the product's.
 */
export function cpuMeasurement(
  subject: readonly ServerRound[],
  baseline: readonly ServerRound[],
  ctx: BenchContext,
  rowName: string | null,
  database: string,
): RowMeasurement {
  const plan = httpPlan(ctx);
  const ratios = roundRatios(subject, baseline, (r) => r.cpuUsPerReq);
  const peakRss = Math.max(...subject.map((r) => r.maxRssBytes));
  if (rowName !== null) recordServiceRss(rowName, peakRss);
  return {
    subject: medianOf(subject, (r) => r.cpuUsPerReq),
    baseline: medianOf(baseline, (r) => r.cpuUsPerReq),
    ratio: median(ratios),
    rounds: ratios,
    // Heap allocated per request moves far less with the machine's load than CPU does: it shows a change
    // of per-request work that the CPU ratio's noise hides.
    figures: [
      {
        label: 'heap allocated per request',
        subject: heapKbPerReq(subject),
        baseline: heapKbPerReq(baseline),
        unit: 'KB/req',
      },
    ],
    details: {
      database,
      connections: plan.connections,
      roundSeconds: plan.roundS,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      ...sideDetails('subject', subject),
      ...sideDetails('baseline', baseline),
      servicePeakRssMb: megabytes(peakRss),
    },
  };
}

/** Per-side figures for the JSON details: CPU and heap per round, req/s and p99 (medians). */
export function sideDetails(side: string, rounds: readonly ServerRound[]): Record<string, number | number[]> {
  return {
    [`${side}CpuUsPerReqRounds`]: roundsOf(rounds, (r) => r.cpuUsPerReq),
    [`${side}HeapKbPerReqRounds`]: roundsOf(rounds, (r) => r.allocBytesPerReq / 1024),
    [`${side}ReqPerSec`]: Math.round(medianOf(rounds, (r) => r.load.okPerS)),
    [`${side}P99Ms`]: medianOf(rounds, (r) => r.load.p99Ms),
  };
}

/** Median V8 heap allocated per request over rounds, in KB (2 decimals). */
export function heapKbPerReq(rounds: readonly ServerRound[]): number {
  return round2(medianOf(rounds, (r) => r.allocBytesPerReq) / 1024);
}

/**
 * The subject's µs CPU per request against a further reference measured in the same rotating rounds:
 * medians of both, and the median of the per-round ratios (the judged figure; a `difference` goal is judged
 * on the difference of the medians).
 */
export function cpuComparison(
  subject: readonly ServerRound[],
  reference: readonly ServerRound[],
  referenceLabel: string,
  goal: ComparisonGoal,
): BenchComparison {
  const ratios = roundRatios(subject, reference, (r) => r.cpuUsPerReq);
  return {
    subject: medianOf(subject, (r) => r.cpuUsPerReq),
    reference: medianOf(reference, (r) => r.cpuUsPerReq),
    referenceLabel,
    unit: 'µs CPU/req',
    goal,
    ratio: median(ratios),
    rounds: goal.of === 'difference' ? roundDifferences(subject, reference, (r) => r.cpuUsPerReq) : ratios,
  };
}

/** The same on V8 heap allocated per request (KB), e.g. `≤ +12` KB over the limit's. */
export function heapComparison(
  subject: readonly ServerRound[],
  reference: readonly ServerRound[],
  referenceLabel: string,
  goal: ComparisonGoal,
): BenchComparison {
  const kb = (r: ServerRound): number => r.allocBytesPerReq / 1024;
  const ratios = roundRatios(subject, reference, kb);
  return {
    subject: heapKbPerReq(subject),
    reference: heapKbPerReq(reference),
    referenceLabel,
    unit: 'KB/req',
    goal,
    ratio: median(ratios),
    rounds: (goal.of === 'difference' ? roundDifferences(subject, reference, kb) : ratios).map(round2),
  };
}
