import { loadConfig } from '@faceauth/service';
import { BenchCheck, BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { BARE_INBOX_TABLE, BARE_RESULTS_TABLE } from '../servers/bare/bare-store';
import { pairedRatios, runAlternatingRounds, RoundId } from '../http/alternating-rounds';
import { BenchDatabaseKind } from '../http/bench-database';
import { FakeArgos, startFakeArgos } from '../http/fake-argos';
import { medianOf, megabytes, round2, roundsOf } from '../http/figures';
import { assertAllAnswered, runLoad } from '../http/http-load';
import { httpPlan } from '../http/http-plan';
import { HttpStack, withHttpStack } from '../http/http-stack';
import {
  auditInbox,
  countTwinResults,
  countTwinRows,
  DrainOutcome,
  InboxAudit,
  waitForInboxDrained,
} from '../http/inbox-audit';
import { measureServerRound, ServerRound } from '../http/server-round';
import { recordServiceRss, servicePeakRss } from '../http/service-rss.tracker';
import { deliverySlot, shuffledDeliveries } from '../http/webhook-deliveries';

/** Distinct results per round; each is delivered COPIES times (QUALITY.md: 5× duplicate delivery). */
const DISTINCT = 1_000;
const COPIES = 5;

/** Which of the two webhook rows (issue on performance, item 3). */
type WebhookMode = 'intake' | 'end-to-end';

interface WebhookRound extends ServerRound {
  /** Deliveries per second through intake and, end to end, until the round's last row was processed. */
  perS: number;
  drain: DrainOutcome | null;
  audit: InboxAudit | null;
}

/**
 * Intake alone (QUALITY.md goal 3a): `POST /webhooks/argos` with the processor off, at 5× shuffled duplication,
 * ≥ 0.8× a bare Fastify + raw-driver `INSERT … ON CONFLICT DO NOTHING` receiver; p99 ≤ 50 ms, nothing
 * acknowledged lost.
 */
export function webhookIntakeBench(kind: BenchDatabaseKind): BenchRow {
  return {
    name: `webhook-intake-${kind}`,
    title: `POST /webhooks/argos on ${kind}, ${DISTINCT} results × ${COPIES} shuffled per round, processor off: the service's intake vs bare Fastify + raw INSERT … ON CONFLICT DO NOTHING`,
    subjectLabel: 'service webhook intake',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'} INSERT … ON CONFLICT`,
    unit: 'deliveries/s',
    goal: { op: '>=', value: 0.8 },
    run: (ctx) =>
      withHttpStack(kind, ctx.log, (stack) => measureWebhook(stack, ctx, 'intake', null, false), {
        env: { WEBHOOK_PROCESSOR_ENABLED: 'false' },
      }),
  };
}

/**
 * Intake + processing (QUALITY.md goal 3b): the same deliveries, each distinct result verified by a fetch from
 * a local fake Argos and stored, ≥ 0.7× a bare end-to-end baseline (bare-processor.ts: the same claim,
 * the same fetch, the result upserts and done marks in one transaction per batch); deliveries per second from
 * the first request until the round's last row is processed. p99 ≤ 50 ms, 0 lost, 0 processed twice. With
 * `rssCheck` (put it on the last HTTP row), the service's highest peak RSS over the HTTP rows run so far is
 * judged too (goal 6).
 */
export function webhookBench(kind: BenchDatabaseKind, options: { rssCheck?: boolean } = {}): BenchRow {
  return {
    name: `webhook-${kind}`,
    title: `POST /webhooks/argos on ${kind}, ${DISTINCT} results × ${COPIES} shuffled per round, each verified by a fetch from a local fake Argos and stored: the service (intake, inbox, processor) vs a bare end-to-end baseline (same claim, fetch and writes)`,
    subjectLabel: 'service webhook intake + processing',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'} intake + hand-written processor`,
    unit: 'deliveries/s',
    goal: { op: '>=', value: 0.7 },
    run: async (ctx) => {
      const argos = await startFakeArgos(loadConfig({}).projects[0]?.pid ?? 'sandbox-project');
      try {
        return await withHttpStack(
          kind,
          ctx.log,
          (stack) => measureWebhook(stack, ctx, 'end-to-end', argos, options.rssCheck ?? false),
          {
            env: {
              ARGOS_API_BASE_URL: argos.baseUrl,
              WEBHOOK_VERIFY_BY_FETCH: 'true',
              // The service's default (20/s) protects Argos; the baseline has no such limit.
              WEBHOOK_VERIFICATION_RATE_PER_SECOND: '100000',
            },
            bareEnv: { BENCH_BARE_PROCESSOR: 'true' },
          },
        );
      } finally {
        await argos.stop();
      }
    },
  };
}

async function measureWebhook(
  stack: HttpStack,
  ctx: BenchContext,
  mode: WebhookMode,
  argos: FakeArgos | null,
  rssCheck: boolean,
): Promise<RowMeasurement> {
  const plan = httpPlan(ctx);
  const endToEnd = mode === 'end-to-end';
  const audits: InboxAudit[] = [];
  let baselineShortfall = 0;
  const runRound = async (round: RoundId): Promise<WebhookRound> => {
    const subject = round.side === 'subject';
    const server = subject ? stack.service : stack.bare;
    const prefix = `${subject ? 's' : 'b'}${round.label}`;
    const deliveries = shuffledDeliveries(prefix, DISTINCT, COPIES, 1_000 + round.index);
    const acknowledged = new Set<string>();
    const drained: { outcome: DrainOutcome | null } = { outcome: null };
    const measured = await measureServerRound(
      server,
      () =>
        runLoad({
          baseUrl: server.baseUrl,
          connections: plan.connections,
          amount: deliveries.bodies.length,
          requests: [deliverySlot(deliveries, acknowledged)],
        }),
      // End to end, each side's CPU and time include processing the round's rows.
      endToEnd
        ? async () => {
            drained.outcome = await waitForInboxDrained(
              stack.probe,
              subject ? 'faceauth_webhook_inbox' : BARE_INBOX_TABLE,
            );
          }
        : undefined,
    );
    assertAllAnswered(
      `${server.label} webhook round ${round.label}`,
      measured.load,
      200,
      deliveries.bodies.length,
    );
    let audit: InboxAudit | null = null;
    if (subject) {
      audit = await auditInbox(stack.probe, prefix, DISTINCT, acknowledged);
      audits.push(audit);
    } else {
      baselineShortfall += DISTINCT - (await countTwinRows(stack.probe, BARE_INBOX_TABLE, prefix));
      if (endToEnd)
        baselineShortfall += DISTINCT - (await countTwinResults(stack.probe, BARE_RESULTS_TABLE, prefix));
    }
    const drain = drained.outcome;
    const perS = drain ? measured.load.ok / (measured.load.activeS + drain.ms / 1000) : measured.load.okPerS;
    ctx.log(
      `bench:   ${round.side.padEnd(8)} round ${round.label}: ${Math.round(perS)} deliveries/s${drain ? ` end to end (intake ${Math.round(measured.load.okPerS)}/s, drained ${drain.ms} ms after)` : ''}, p99 ${measured.load.p99Ms} ms, ` +
        `${measured.cpuUsPerReq.toFixed(1)} µs CPU/delivery, RSS ${megabytes(measured.rssBytes)} MB (heap ${megabytes(measured.heapUsedBytes)} MB)`,
    );
    return { ...measured, perS, drain, audit };
  };
  const rounds = await runAlternatingRounds(plan, runRound);
  if (baselineShortfall !== 0)
    throw new Error(`the baseline stored ${baselineShortfall} fewer rows than distinct results sent`);

  const ratios = pairedRatios(rounds, (r) => r.perS);
  const sum = (pick: (a: InboxAudit) => number): number => audits.reduce((total, a) => total + pick(a), 0);
  const final = await stack.service.cpu();
  recordServiceRss(`webhook-${mode}-${stack.kind}`, final.maxRssBytes);
  const peak = servicePeakRss();
  const checks: BenchCheck[] = [
    {
      label: 'p99 latency',
      value: medianOf(rounds.subject, (r) => r.load.p99Ms),
      baseline: medianOf(rounds.baseline, (r) => r.load.p99Ms),
      unit: 'ms',
      goal: { op: '<=', value: 50 },
    },
    {
      label: 'lost (acked, not stored)',
      value: sum((a) => a.lost),
      unit: 'webhooks',
      goal: { op: '<=', value: 0 },
    },
    {
      label: endToEnd ? 'double-processed' : 'stored twice',
      value: sum((a) => a.extraRows + (endToEnd ? a.reclaimed : 0)),
      unit: 'webhooks',
      goal: { op: '<=', value: 0 },
    },
  ];
  if (endToEnd) {
    checks.push({
      label: 'unprocessed after the drain',
      value: sum((a) => a.unprocessed + (a.results === DISTINCT ? 0 : Math.abs(DISTINCT - a.results))),
      unit: 'webhooks',
      goal: { op: '<=', value: 0 },
    });
  }
  if (rssCheck) {
    checks.push({
      label: 'service peak RSS, HTTP rows',
      value: megabytes(peak.bytes),
      unit: 'MB',
      goal: { op: '<=', value: 250 },
    });
  }
  return {
    subject: medianOf(rounds.subject, (r) => r.perS),
    baseline: medianOf(rounds.baseline, (r) => r.perS),
    ratio: median(ratios),
    rounds: ratios,
    checks,
    details: {
      database: stack.kind,
      mode,
      connections: plan.connections,
      distinctPerRound: DISTINCT,
      copies: COPIES,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      subjectDeliveriesPerSecRounds: roundsOf(rounds.subject, (r) => r.perS),
      baselineDeliveriesPerSecRounds: roundsOf(rounds.baseline, (r) => r.perS),
      subjectIntakePerSecRounds: roundsOf(rounds.subject, (r) => r.load.okPerS),
      baselineIntakePerSecRounds: roundsOf(rounds.baseline, (r) => r.load.okPerS),
      subjectP99MsRounds: roundsOf(rounds.subject, (r) => r.load.p99Ms),
      subjectRssMbRounds: rounds.subject.map((r) => megabytes(r.rssBytes)),
      subjectHeapUsedMbRounds: rounds.subject.map((r) => megabytes(r.heapUsedBytes)),
      baselineP99Ms: medianOf(rounds.baseline, (r) => r.load.p99Ms),
      subjectCpuUsPerDelivery: round2(medianOf(rounds.subject, (r) => r.cpuUsPerReq)),
      baselineCpuUsPerDelivery: round2(medianOf(rounds.baseline, (r) => r.cpuUsPerReq)),
      subjectDrainMsRounds: rounds.subject.map((r) => r.drain?.ms ?? -1),
      baselineDrainMsRounds: rounds.baseline.map((r) => r.drain?.ms ?? -1),
      missingDistinct: sum((a) => a.missing),
      extraInboxRows: sum((a) => a.extraRows),
      reclaimedRows: sum((a) => a.reclaimed),
      ...(endToEnd
        ? {
            unprocessedAfterDrain: sum((a) => a.unprocessed),
            storedResults: sum((a) => a.results),
            expectedResults: audits.length * DISTINCT,
            argosLookups: argos?.lookups() ?? 0,
          }
        : {}),
      servicePeakRssMb: megabytes(final.maxRssBytes),
      ...(rssCheck ? { peakRssOfRunMb: megabytes(peak.bytes), peakRssRow: peak.row } : {}),
    },
  };
}
