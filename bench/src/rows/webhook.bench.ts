import { BenchCheck, BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { median } from '../measure/median';
import { BARE_INBOX_TABLE } from '../servers/bare/bare-store';
import { pairedRatios, runAlternatingRounds, RoundId } from '../http/alternating-rounds';
import { BenchDatabaseKind } from '../http/bench-database';
import { medianOf, megabytes, round2, roundsOf } from '../http/figures';
import { assertAllAnswered, runLoad } from '../http/http-load';
import { httpPlan } from '../http/http-plan';
import { HttpStack, withHttpStack } from '../http/http-stack';
import {
  auditInbox,
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

interface WebhookRound extends ServerRound {
  drain: DrainOutcome | null;
  audit: InboxAudit | null;
}

/**
 * QUALITY.md goal 3 (issue 7, acceptance 7): webhook deliveries/s through the full stack at 5× shuffled
 * duplication ≥ 0.8× a bare Fastify + raw-driver `INSERT … ON CONFLICT DO NOTHING` receiver, with
 * p99 ≤ 50 ms, nothing acknowledged lost and nothing processed twice. With `rssCheck` (put it on the last
 * HTTP row), the service's highest peak RSS over the HTTP rows run so far is judged too (goal 6).
 */
export function webhookBench(kind: BenchDatabaseKind, options: { rssCheck?: boolean } = {}): BenchRow {
  return {
    name: `webhook-${kind}`,
    title: `POST /webhooks/argos on ${kind}, ${DISTINCT} results × ${COPIES} shuffled per round: the full stack (intake, inbox, background processor) vs bare Fastify + raw INSERT … ON CONFLICT DO NOTHING`,
    subjectLabel: 'service webhook intake + processor',
    baselineLabel: `bare Fastify + ${kind === 'sqlite' ? 'better-sqlite3' : 'pg'} INSERT … ON CONFLICT`,
    unit: 'deliveries/s',
    goal: { op: '>=', value: 0.8 },
    run: (ctx) =>
      withHttpStack(kind, ctx.log, (stack) => measureWebhook(stack, ctx, options.rssCheck ?? false)),
  };
}

async function measureWebhook(
  stack: HttpStack,
  ctx: BenchContext,
  rssCheck: boolean,
): Promise<RowMeasurement> {
  const plan = httpPlan(ctx);
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
      // The subject's CPU includes processing the round's inbox rows: that work is part of the full stack.
      subject
        ? async () => {
            drained.outcome = await waitForInboxDrained(stack.probe);
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
    }
    const drain = drained.outcome;
    ctx.log(
      `bench:   ${round.side.padEnd(8)} round ${round.label}: ${Math.round(measured.load.okPerS)} deliveries/s, p99 ${measured.load.p99Ms} ms, ` +
        `${measured.cpuUsPerReq.toFixed(1)} µs CPU/delivery${drain ? `, inbox drained in ${drain.ms} ms` : ''}, RSS ${megabytes(measured.rssBytes)} MB (heap ${megabytes(measured.heapUsedBytes)} MB)`,
    );
    return { ...measured, drain, audit };
  };
  const rounds = await runAlternatingRounds(plan, runRound);
  if (baselineShortfall !== 0)
    throw new Error(`the baseline stored ${baselineShortfall} fewer rows than distinct results sent`);

  const ratios = pairedRatios(rounds, (r) => r.load.okPerS);
  const sum = (pick: (a: InboxAudit) => number): number => audits.reduce((total, a) => total + pick(a), 0);
  const final = await stack.service.cpu();
  recordServiceRss(`webhook-${stack.kind}`, final.maxRssBytes);
  const peak = servicePeakRss();
  const checks: BenchCheck[] = [
    {
      label: 'p99 latency',
      value: medianOf(rounds.subject, (r) => r.load.p99Ms),
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
      label: 'double-processed',
      value: sum((a) => a.extraRows + a.reclaimed),
      unit: 'webhooks',
      goal: { op: '<=', value: 0 },
    },
  ];
  if (rssCheck) {
    checks.push({
      label: 'service peak RSS, HTTP rows',
      value: megabytes(peak.bytes),
      unit: 'MB',
      goal: { op: '<=', value: 250 },
    });
  }
  return {
    subject: medianOf(rounds.subject, (r) => r.load.okPerS),
    baseline: medianOf(rounds.baseline, (r) => r.load.okPerS),
    ratio: median(ratios),
    rounds: ratios,
    checks,
    details: {
      database: stack.kind,
      connections: plan.connections,
      distinctPerRound: DISTINCT,
      copies: COPIES,
      rounds: plan.rounds,
      ratioRounds: ratios.map(round2),
      subjectDeliveriesPerSecRounds: roundsOf(rounds.subject, (r) => r.load.okPerS),
      baselineDeliveriesPerSecRounds: roundsOf(rounds.baseline, (r) => r.load.okPerS),
      subjectP99MsRounds: roundsOf(rounds.subject, (r) => r.load.p99Ms),
      subjectRssMbRounds: rounds.subject.map((r) => megabytes(r.rssBytes)),
      subjectHeapUsedMbRounds: rounds.subject.map((r) => megabytes(r.heapUsedBytes)),
      baselineP99Ms: medianOf(rounds.baseline, (r) => r.load.p99Ms),
      subjectCpuUsPerDeliveryInclProcessing: round2(medianOf(rounds.subject, (r) => r.cpuUsPerReq)),
      baselineCpuUsPerDelivery: round2(medianOf(rounds.baseline, (r) => r.cpuUsPerReq)),
      drainMsRounds: rounds.subject.map((r) => r.drain?.ms ?? -1),
      missingDistinct: sum((a) => a.missing),
      extraInboxRows: sum((a) => a.extraRows),
      reclaimedRows: sum((a) => a.reclaimed),
      unprocessedAfterDrain: sum((a) => a.unprocessed),
      storedResults: sum((a) => a.results),
      expectedResults: audits.length * DISTINCT,
      servicePeakRssMb: megabytes(final.maxRssBytes),
      ...(rssCheck ? { peakRssOfRunMb: megabytes(peak.bytes), peakRssRow: peak.row } : {}),
    },
  };
}
