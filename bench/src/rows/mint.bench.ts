import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { pairedRatios } from '../http/alternating-rounds';
import { BenchDatabaseKind } from '../http/bench-database';
import { runHttpRounds } from '../http/cpu-per-request';
import { medianOf, megabytes, round2, roundsOf } from '../http/figures';
import { httpPlan } from '../http/http-plan';
import { HttpStack, withHttpStack } from '../http/http-stack';
import { assertBothRefuse, assertSameAnswer, fetchJson, jsonHeaders, MINT_BODY } from '../http/link-fixtures';
import { recordServiceRss } from '../http/service-rss.tracker';

/**
 * QUALITY.md goal 2 (issue 4, acceptance 7): minting a link end to end over HTTP keeps ≥ 0.7× the
 * throughput of a bare Fastify + raw driver handler doing the same insert and encryption.
 */
export function mintBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `mint-${kind}`,
    title: `POST /v1/links on ${kind}: the service (guard, DTO validation, raw insert, URL encryption) vs bare Fastify + raw driver doing the same insert and encryption`,
    subjectLabel: 'service POST /v1/links',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`,
    unit: 'req/s',
    goal: { op: '>=', value: 0.7 },
    run: (ctx) => withHttpStack(kind, ctx.log, (stack) => measureMint(stack, ctx)),
  };
}

async function measureMint(stack: HttpStack, ctx: BenchContext): Promise<RowMeasurement> {
  const plan = httpPlan(ctx);
  const headers = jsonHeaders(stack.apiKey);
  const post = { method: 'POST', headers, body: MINT_BODY };
  assertSameAnswer(
    'POST /v1/links',
    await fetchJson(`${stack.service.baseUrl}/v1/links`, 201, post),
    await fetchJson(`${stack.bare.baseUrl}/v1/links`, 201, post),
    ['status', 'policy', 'sid', 'authUserId'],
  );
  await assertBothRefuse(stack, [
    { path: '/v1/links', init: { ...post, headers: { 'content-type': 'application/json' } }, status: 401 },
    { path: '/v1/links', init: { ...post, body: '{"sid":""}' }, status: 400 },
  ]);
  const requests = [{ method: 'POST', path: '/v1/links', headers, body: MINT_BODY }];
  const rounds = await runHttpRounds(stack, ctx, requests, 201);
  const ratios = pairedRatios(rounds, (r) => r.load.okPerS);
  const cpuRatios = pairedRatios(rounds, (r) => r.cpuUsPerReq);
  const peakRss = Math.max(...rounds.subject.map((r) => r.maxRssBytes));
  recordServiceRss(`mint-${stack.kind}`, peakRss);
  return {
    subject: medianOf(rounds.subject, (r) => r.load.okPerS),
    baseline: medianOf(rounds.baseline, (r) => r.load.okPerS),
    ratio: median(ratios),
    rounds: ratios,
    details: {
      database: stack.kind,
      connections: plan.connections,
      roundSeconds: plan.roundS,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      subjectReqPerSecRounds: roundsOf(rounds.subject, (r) => r.load.okPerS),
      baselineReqPerSecRounds: roundsOf(rounds.baseline, (r) => r.load.okPerS),
      subjectCpuUsPerReq: round2(medianOf(rounds.subject, (r) => r.cpuUsPerReq)),
      baselineCpuUsPerReq: round2(medianOf(rounds.baseline, (r) => r.cpuUsPerReq)),
      cpuRatio: round2(median(cpuRatios)),
      subjectP99Ms: medianOf(rounds.subject, (r) => r.load.p99Ms),
      baselineP99Ms: medianOf(rounds.baseline, (r) => r.load.p99Ms),
      servicePeakRssMb: megabytes(peakRss),
    },
  };
}
