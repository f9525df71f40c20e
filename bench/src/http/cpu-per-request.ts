import autocannon from 'autocannon';
import { BenchContext, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { AlternatingRounds, pairedRatios, runAlternatingRounds } from './alternating-rounds';
import { medianOf, megabytes, round2, roundsOf } from './figures';
import { assertAllAnswered, runLoad } from './http-load';
import { httpPlan } from './http-plan';
import { HttpStack } from './http-stack';
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
  const plan = httpPlan(ctx);
  return runAlternatingRounds(plan, async (round): Promise<ServerRound> => {
    const server = round.side === 'subject' ? stack.service : stack.bare;
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
      `bench:   ${round.side.padEnd(8)} round ${round.label}: ${measured.cpuUsPerReq.toFixed(1)} µs CPU/req, ${Math.round(measured.load.okPerS)} req/s, ${(measured.allocBytesPerReq / 1024).toFixed(1)} KB heap allocated/req`,
    );
    return measured;
  });
}

/**
 * Server CPU µs per request of the same requests on both sides, in alternating rounds (every answer must be
 * a 200); the ratio is the median of per-round ratios. `rowName` labels the service's peak RSS; `null` when
 * the subject is not the service (a reference stack), whose RSS is not the product's.
 */
export async function measureCpuPerRequest(
  stack: Pick<HttpStack, 'service' | 'bare'> & { kind?: HttpStack['kind'] },
  ctx: BenchContext,
  requests: autocannon.RequestSpec[],
  rowName: string | null,
): Promise<RowMeasurement> {
  const plan = httpPlan(ctx);
  const rounds = await runHttpRounds(stack, ctx, requests, 200);
  const ratios = pairedRatios(rounds, (r) => r.cpuUsPerReq);
  const peakRss = Math.max(...rounds.subject.map((r) => r.maxRssBytes));
  if (rowName !== null) recordServiceRss(rowName, peakRss);
  return {
    subject: medianOf(rounds.subject, (r) => r.cpuUsPerReq),
    baseline: medianOf(rounds.baseline, (r) => r.cpuUsPerReq),
    ratio: median(ratios),
    rounds: ratios,
    // Heap allocated per request moves far less with the machine's load than CPU does: it shows a change
    // of per-request work that the CPU ratio's noise hides.
    figures: [
      {
        label: 'heap allocated per request',
        subject: round2(medianOf(rounds.subject, (r) => r.allocBytesPerReq) / 1024),
        baseline: round2(medianOf(rounds.baseline, (r) => r.allocBytesPerReq) / 1024),
        unit: 'KB/req',
      },
    ],
    details: {
      database: stack.kind ?? 'none',
      connections: plan.connections,
      roundSeconds: plan.roundS,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      subjectCpuUsPerReqRounds: roundsOf(rounds.subject, (r) => r.cpuUsPerReq),
      baselineCpuUsPerReqRounds: roundsOf(rounds.baseline, (r) => r.cpuUsPerReq),
      subjectReqPerSec: Math.round(medianOf(rounds.subject, (r) => r.load.okPerS)),
      baselineReqPerSec: Math.round(medianOf(rounds.baseline, (r) => r.load.okPerS)),
      subjectP99Ms: medianOf(rounds.subject, (r) => r.load.p99Ms),
      baselineP99Ms: medianOf(rounds.baseline, (r) => r.load.p99Ms),
      servicePeakRssMb: megabytes(peakRss),
    },
  };
}
