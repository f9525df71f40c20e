import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { pairedRatios, runAlternatingRounds } from '../http/alternating-rounds';
import { BenchDatabaseKind } from '../http/bench-database';
import { medianOf, megabytes, round2, roundsOf } from '../http/figures';
import { assertAllAnswered, runLoad } from '../http/http-load';
import { httpPlan } from '../http/http-plan';
import { HttpStack, withHttpStack } from '../http/http-stack';
import { assertBothRefuse, assertSameAnswer, fetchJson, jsonHeaders, seedLinks } from '../http/link-fixtures';
import { measureServerRound, ServerRound } from '../http/server-round';
import { recordServiceRss } from '../http/service-rss.tracker';

// Enough distinct rows that the reads are not one hot row, few enough to seed in a second.
const SEEDED_LINKS = 200;

/**
 * QUALITY.md goal 1: the guarded, validated admin GET costs ≤ 1.25× the server CPU per request of a bare
 * Fastify handler doing the same work (primary-key SELECT, encrypted URL, JSON).
 */
export function adminGetBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `admin-get-${kind}`,
    title: `GET /v1/links/:id on ${kind}: the service (guard, ParseUUIDPipe, TypeORM, URL encryption) vs bare Fastify + raw driver doing the same SELECT, encryption and JSON`,
    subjectLabel: 'service GET /v1/links/:id',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`,
    unit: 'µs CPU/req',
    goal: { op: '<=', value: 1.25 },
    run: (ctx) => withHttpStack(kind, ctx.log, (stack) => measureAdminGet(stack, ctx)),
  };
}

async function measureAdminGet(stack: HttpStack, ctx: BenchContext): Promise<RowMeasurement> {
  const plan = httpPlan(ctx);
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
  // Identical requests to both sides (the bare server ignores the key).
  const requests = ids.map((id) => ({ method: 'GET', path: `/v1/links/${id}`, headers }));
  const rounds = await runAlternatingRounds(plan, async (round): Promise<ServerRound> => {
    const server = round.side === 'subject' ? stack.service : stack.bare;
    const measured = await measureServerRound(server, () =>
      runLoad({
        baseUrl: server.baseUrl,
        connections: plan.connections,
        durationS: round.warmup ? plan.warmupS : plan.roundS,
        requests,
      }),
    );
    assertAllAnswered(`${server.label} GET round ${round.label}`, measured.load, 200);
    ctx.log(
      `bench:   ${round.side.padEnd(8)} round ${round.label}: ${measured.cpuUsPerReq.toFixed(1)} µs CPU/req, ${Math.round(measured.load.okPerS)} req/s`,
    );
    return measured;
  });
  const ratios = pairedRatios(rounds, (r) => r.cpuUsPerReq);
  const peakRss = Math.max(...rounds.subject.map((r) => r.maxRssBytes));
  recordServiceRss(`admin-get-${stack.kind}`, peakRss);
  return {
    subject: medianOf(rounds.subject, (r) => r.cpuUsPerReq),
    baseline: medianOf(rounds.baseline, (r) => r.cpuUsPerReq),
    ratio: median(ratios),
    details: {
      database: stack.kind,
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
