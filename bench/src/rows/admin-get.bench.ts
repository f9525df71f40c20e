import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { comparisonCheck } from '../bench.judge';
import { BenchDatabaseKind } from '../http/bench-database';
import {
  cpuComparison,
  cpuMeasurement,
  heapComparison,
  heapKbPerReq,
  runServerRounds,
  sideDetails,
} from '../http/cpu-per-request';
import { HttpStack, withHttpStack } from '../http/http-stack';
import { assertBothRefuse, assertSameAnswer, fetchJson, jsonHeaders, seedLinks } from '../http/link-fixtures';

// Enough distinct rows that the reads are not one hot row, few enough to seed in a second.
const SEEDED_LINKS = 200;

/** QUALITY.md goal 1: CPU ≤ 1.4× the limit's (the row's own goal) and ≤ 0.6× the peer's (a comparison). */
const LIMIT_RATIO = 1.4;
const PEER_RATIO = 0.6;
/** QUALITY.md goal 1: heap allocated per request ≤ the limit's + 12 KB. */
const HEAP_OVER_LIMIT_KB = 12;

/**
 * QUALITY.md goal 1, the guarded, validated admin GET, against two references measured in the same run on
 * the same database: the **limit** (bare Fastify + raw driver doing the same SELECT, encryption and JSON;
 * the row's baseline: µs CPU per request ≤ 1.4×, spread and repeats on this ratio) and the **peer** (the
 * same route as most Nest teams write it, bench/src/servers/peer: a judged comparison, ≤ 0.6×), plus the
 * heap allocated per request ≤ the limit's + 12 KB. The three servers run in rotating rounds.
 */
export function adminGetBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `admin-get-${kind}`,
    title: `GET /v1/links/:id on ${kind}: the service (guard, ParseUUIDPipe, raw SELECT, URL encryption) vs the limit (bare Fastify + raw driver doing the same SELECT, encryption and JSON) and the peer (Nest 12 + APP_GUARD + pipes + TypeORM findOneBy, same encryption and JSON)`,
    subjectLabel: 'service GET /v1/links/:id',
    baselineLabel: `limit: bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}`,
    unit: 'µs CPU/req',
    goal: { op: '<=', value: LIMIT_RATIO },
    run: (ctx) => withHttpStack(kind, ctx.log, (stack) => measureAdminGet(stack, ctx), { peer: true }),
  };
}

async function measureAdminGet(stack: HttpStack, ctx: BenchContext): Promise<RowMeasurement> {
  const peer = stack.peer;
  if (peer === null) throw new Error('admin-get needs the peer server (withHttpStack … { peer: true })');
  const ids = await seedLinks(stack, SEEDED_LINKS);
  const headers = jsonHeaders(stack.apiKey);
  const probeId = ids[0] ?? '';
  const fields = ['url', 'token', 'status', 'policy', 'expiresAt'];
  const serviceAnswer = await fetchJson(`${stack.service.baseUrl}/v1/links/${probeId}`, 200, { headers });
  assertSameAnswer(
    'GET /v1/links/:id',
    serviceAnswer,
    await fetchJson(`${stack.bare.baseUrl}/v1/links/${probeId}`, 200, { headers }),
    fields,
  );
  assertSameAnswer(
    'GET /v1/links/:id (peer)',
    serviceAnswer,
    await fetchJson(`${peer.baseUrl}/v1/links/${probeId}`, 200, { headers }),
    fields,
  );
  const refused = [
    { path: `/v1/links/${probeId}`, init: {}, status: 401 },
    { path: '/v1/links/not-a-uuid', init: { headers }, status: 400 },
  ];
  await assertBothRefuse(stack, refused);
  for (const { path, init, status } of refused) await fetchJson(`${peer.baseUrl}${path}`, status, init);

  // Identical requests to the three servers, in rotating rounds.
  const requests = ids.map((id) => ({ method: 'GET', path: `/v1/links/${id}`, headers }));
  const rounds = await runServerRounds(
    { subject: stack.service, baseline: stack.bare, peer },
    ctx,
    requests,
    200,
  );
  const measurement = cpuMeasurement(
    rounds.subject,
    rounds.baseline,
    ctx,
    `admin-get-${stack.kind}`,
    stack.kind,
  );
  const peerCpu = cpuComparison(rounds.subject, rounds.peer, 'peer: Nest 12 + guard + pipes + TypeORM', {
    op: '<=',
    value: PEER_RATIO,
  });
  const heap = heapComparison(rounds.subject, rounds.baseline, 'limit', {
    op: '<=',
    value: HEAP_OVER_LIMIT_KB,
    of: 'difference',
  });
  return {
    ...measurement,
    checks: [
      comparisonCheck('CPU vs the peer (Nest + TypeORM)', peerCpu),
      comparisonCheck('heap allocated per request vs the limit', heap),
    ],
    // The heap against the limit is judged above; against the peer it is a diagnostic.
    figures: [
      {
        label: 'heap allocated per request vs the peer',
        subject: heapKbPerReq(rounds.subject),
        baseline: heapKbPerReq(rounds.peer),
        unit: 'KB/req',
      },
    ],
    details: {
      ...measurement.details,
      ...sideDetails('peer', rounds.peer),
      peerRatioRounds: (peerCpu.rounds ?? []).map((r) => Math.round(r * 1000) / 1000),
      heapOverLimitKbRounds: heap.rounds ?? [],
    },
  };
}
