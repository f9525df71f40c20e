import { parseBenchArgs } from '../bench-args.parser';
import { BenchCheck, BenchContext, BenchFigure, BenchRow, RowMeasurement } from '../bench-row.interface';
import { comparisonCheck } from '../bench.judge';
import { median } from '../measure/median';
import { roundRatios, runAlternatingRounds, RoundId } from '../http/alternating-rounds';
import { BenchDatabaseKind } from '../http/bench-database';
import { medianOf, round2, roundsOf } from '../http/figures';
import { HttpPlan } from '../http/http-plan';
import {
  acquireScaleStacks,
  closeScaleStacks,
  releaseScaleStacks,
  SCALE_BIG_ROWS,
  SCALE_SMALL_ROWS,
  ScaleSide,
  ScaleStacks,
} from '../http/scale-stack';
import {
  ADMIN_GET,
  CLEANUP_CLAIM,
  INBOX_LISTS,
  LINK_LISTS,
  MINT,
  RESULT_LISTS,
  ScaleOperation,
  SHORT_LINK,
  WEBHOOK,
} from '../scale/scale-operations';

/** QUALITY.md goal 4: the cost at 1,000,000 rows ≤ 1.25× the cost at 10,000. */
const SCALE_GOAL = 1.25;

/**
 * What is measured, and why wall time. The cost of a statement that grows with its table is paid where the
 * statement runs: in the service process on SQLite (better-sqlite3 is in-process), but in the PostgreSQL
 * server's backend on PostgreSQL, where the service's CPU only shows the driver's round trip, the same at
 * any size. Server CPU per request would therefore miss exactly what this row is about on one engine. Wall
 * latency of sequential requests (one connection, one request at a time) includes the statement wherever it
 * runs and, with nothing else in flight, is the request's own work; the median per round keeps a stray
 * pause of the shared machine out, and the two sizes run in alternating rounds (subject 1M, baseline 10k,
 * order swapped each turn) so that the load of the machine falls on both alike. The service's CPU per
 * request is reported beside it (a diagnostic: on SQLite it moves with the database cost, on PostgreSQL it
 * should not).
 */
interface ScaleRound {
  /** Median wall time of one call, ms. */
  medianMs: number;
  meanMs: number;
  p90Ms: number;
  /** Service CPU µs per call (NaN for an in-process operation). */
  cpuUsPerCall: number;
  /** Wall time of the untimed settle after the calls (the webhook processor's drain), ms; 0 without one. */
  settleMs: number;
  /** Wall time from the first call to the end of the settle, ms. */
  roundMs: number;
}

/** Per-round ratios and figures of one operation. */
interface OperationResult {
  op: ScaleOperation;
  subject: ScaleRound[];
  baseline: ScaleRound[];
  ratios: number[];
}

/** The rows of one engine, in run order: consecutive, so that they share one seeded pair of databases. */
interface ScaleRowSpec {
  suffix: string;
  title: string;
  /** The judged operation (the row's own ratio); the others are judged checks of the same row. */
  primary: ScaleOperation;
  checks: ScaleOperation[];
}

const ROW_SPECS: readonly ScaleRowSpec[] = [
  { suffix: 'mint', title: 'minting a link (POST /v1/links)', primary: MINT, checks: [] },
  { suffix: 'admin-get', title: 'the guarded admin GET /v1/links/:id', primary: ADMIN_GET, checks: [] },
  {
    suffix: 'links-list',
    title: 'the first page of GET /v1/links, unfiltered (the ratio) and with each filter (checks)',
    primary: LINK_LISTS[0] ?? ADMIN_GET,
    checks: LINK_LISTS.slice(1),
  },
  {
    suffix: 'results-list',
    title: 'the first page of GET /v1/results, unfiltered (the ratio) and with each filter (checks)',
    primary: RESULT_LISTS[0] ?? ADMIN_GET,
    checks: RESULT_LISTS.slice(1),
  },
  {
    suffix: 'inbox-list',
    title: 'the first page of GET /v1/webhooks/inbox, unfiltered (the ratio) and by status (checks)',
    primary: INBOX_LISTS[0] ?? ADMIN_GET,
    checks: INBOX_LISTS.slice(1),
  },
  {
    suffix: 'webhook',
    title: 'webhook intake with the secret (POST /webhooks/argos), processing drained between rounds',
    primary: WEBHOOK,
    checks: [],
  },
  {
    suffix: 'short-link',
    title: 'opening an active short link (GET /l/:id → 302)',
    primary: SHORT_LINK,
    checks: [],
  },
  {
    suffix: 'cleanup-claim',
    title: "the results cleanup's claim of a batch (ResultCleanupRepository.claim, result-cleanup.sql.ts)",
    primary: CLEANUP_CLAIM,
    checks: [],
  },
];

export const SCALE_ROW_SUFFIXES: readonly string[] = ROW_SPECS.map((s) => s.suffix);

const rowName = (kind: BenchDatabaseKind, suffix: string): string => `scale-${kind}-${suffix}`;

/**
 * Whether this is the last scale row of its engine that this run will run (`--only` honoured): after it the
 * engine's databases are dropped. Outside `npm run bench` (arguments it does not know) every row counts.
 */
function isLastScaleRow(kind: BenchDatabaseKind, suffix: string): boolean {
  let only: string[] | null = null;
  try {
    only = parseBenchArgs(process.argv.slice(2)).only;
  } catch {
    only = null;
  }
  const selected = ROW_SPECS.map((s) => rowName(kind, s.suffix)).filter(
    (name) => !only || only.includes(name),
  );
  return selected[selected.length - 1] === rowName(kind, suffix);
}

/** 3-5 measured rounds (`--rounds`, clamped), one warm-up round per side (`--warmup 0` skips it). */
function scalePlan(ctx: BenchContext): HttpPlan {
  return {
    warmupRounds: Math.min(ctx.warmupRounds, 1),
    rounds: Math.max(3, Math.min(ctx.rounds, 5)),
    roundS: 0,
    warmupS: 0,
    connections: 1,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

let roundNonce = 0;

async function runSideRound(
  stacks: ScaleStacks,
  side: ScaleSide,
  op: ScaleOperation,
  round: RoundId,
): Promise<ScaleRound> {
  const ctx = {
    stacks,
    side,
    tag: `${stacks.kind}-${round.side}-${round.label}-${Date.now().toString(36)}-${roundNonce++}`,
    // The same pseudo-random ids for both sides of a turn (scaled to each side's size).
    seed: 7 + (round.index + 2) * 7919,
  };
  const calls = op.calls(ctx);
  const cpuBefore = op.inProcess ? null : await side.service.cpu();
  const times: number[] = [];
  const roundStarted = performance.now();
  for (const call of calls) times.push(await call());
  const cpuAfter = op.inProcess ? null : await side.service.cpu();
  const settleStarted = performance.now();
  if (op.settle) await op.settle(ctx);
  const settleMs = performance.now() - settleStarted;
  const roundMs = performance.now() - roundStarted;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    medianMs: median(times),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p90Ms: quantile(sorted, 0.9),
    cpuUsPerCall: cpuBefore && cpuAfter ? (cpuAfter.cpuUs - cpuBefore.cpuUs) / times.length : Number.NaN,
    settleMs,
    roundMs,
  };
}

/** One operation in alternating rounds: subject = the 1M-row side, baseline = the 10k-row side. */
async function measureOperation(
  stacks: ScaleStacks,
  op: ScaleOperation,
  ctx: BenchContext,
): Promise<OperationResult> {
  const rounds = await runAlternatingRounds(scalePlan(ctx), async (round) => {
    const side = round.side === 'subject' ? stacks.big : stacks.small;
    const measured = await runSideRound(stacks, side, op, round);
    if (!round.warmup) {
      ctx.log(
        `bench:   ${op.label.padEnd(40)} ${round.side.padEnd(8)} round ${round.label}: median ${measured.medianMs.toFixed(2)} ms, p90 ${measured.p90Ms.toFixed(2)} ms` +
          (Number.isNaN(measured.cpuUsPerCall)
            ? ''
            : `, service ${measured.cpuUsPerCall.toFixed(0)} µs CPU/req`),
      );
    }
    return measured;
  });
  return {
    op,
    subject: rounds.subject,
    baseline: rounds.baseline,
    ratios: roundRatios(rounds.subject, rounds.baseline, (r) => r.medianMs),
  };
}

function cpuFigure(result: OperationResult): BenchFigure | null {
  if (result.op.inProcess) return null;
  return {
    label: `service CPU per request${result.op.key === 'none' ? '' : ` (${result.op.key})`}`,
    subject: round2(medianOf(result.subject, (r) => r.cpuUsPerCall)),
    baseline: round2(medianOf(result.baseline, (r) => r.cpuUsPerCall)),
    unit: 'µs CPU/req',
  };
}

function operationDetails(result: OperationResult): Record<string, number[]> {
  const key = result.op.key;
  return {
    [`${key}:ratioRounds`]: result.ratios.map(round2),
    [`${key}:subjectMedianMsRounds`]: roundsOf(result.subject, (r) => r.medianMs),
    [`${key}:baselineMedianMsRounds`]: roundsOf(result.baseline, (r) => r.medianMs),
    [`${key}:subjectMeanMsRounds`]: roundsOf(result.subject, (r) => r.meanMs),
    [`${key}:baselineMeanMsRounds`]: roundsOf(result.baseline, (r) => r.meanMs),
    [`${key}:subjectP90MsRounds`]: roundsOf(result.subject, (r) => r.p90Ms),
    ...(result.op.settle
      ? {
          [`${key}:subjectSettleMsRounds`]: roundsOf(result.subject, (r) => r.settleMs),
          [`${key}:baselineSettleMsRounds`]: roundsOf(result.baseline, (r) => r.settleMs),
          [`${key}:subjectRoundMsRounds`]: roundsOf(result.subject, (r) => r.roundMs),
          [`${key}:baselineRoundMsRounds`]: roundsOf(result.baseline, (r) => r.roundMs),
        }
      : {}),
  };
}

async function measureScaleRow(
  kind: BenchDatabaseKind,
  spec: ScaleRowSpec,
  ctx: BenchContext,
): Promise<RowMeasurement> {
  const stacks = await acquireScaleStacks(kind, ctx.log);
  const primary = await measureOperation(stacks, spec.primary, ctx);
  const others: OperationResult[] = [];
  for (const op of spec.checks) others.push(await measureOperation(stacks, op, ctx));
  const checks: BenchCheck[] = others.map((result) =>
    comparisonCheck(
      `${result.op.label}: ${SCALE_BIG_ROWS.toLocaleString('en')} vs ${SCALE_SMALL_ROWS.toLocaleString('en')} rows`,
      {
        subject: medianOf(result.subject, (r) => r.medianMs),
        reference: medianOf(result.baseline, (r) => r.medianMs),
        referenceLabel: `${SCALE_SMALL_ROWS.toLocaleString('en')} rows`,
        unit: 'ms/req',
        goal: { op: '<=', value: SCALE_GOAL },
        ratio: median(result.ratios),
        rounds: result.ratios,
      },
    ),
  );
  const figures = [primary, ...others].map(cpuFigure).filter((f): f is BenchFigure => f !== null);
  if (spec.primary.settle) {
    // The work the requests leave to a background worker (the webhook processor) is part of their cost: from
    // the first request to a drained inbox, per request. Judged: a claim that scans as the table grows
    // shows here, not in the intake's own latency.
    checks.push(
      comparisonCheck('intake + processing until drained, per request', {
        subject: medianOf(primary.subject, (r) => r.roundMs / spec.primary.count),
        reference: medianOf(primary.baseline, (r) => r.roundMs / spec.primary.count),
        referenceLabel: `${SCALE_SMALL_ROWS.toLocaleString('en')} rows`,
        unit: 'ms/req',
        goal: { op: '<=', value: SCALE_GOAL },
        ratio: median(roundRatios(primary.subject, primary.baseline, (r) => r.roundMs)),
        rounds: roundRatios(primary.subject, primary.baseline, (r) => r.roundMs),
      }),
    );
    figures.push({
      label: 'processing drained after the last request, per request',
      subject: round2(medianOf(primary.subject, (r) => r.settleMs) / spec.primary.count),
      baseline: round2(medianOf(primary.baseline, (r) => r.settleMs) / spec.primary.count),
      unit: 'ms/req',
    });
  }
  return {
    subject: medianOf(primary.subject, (r) => r.medianMs),
    baseline: medianOf(primary.baseline, (r) => r.medianMs),
    ratio: median(primary.ratios),
    rounds: primary.ratios,
    checks,
    figures,
    details: {
      database: kind,
      subjectRows: stacks.big.rows,
      baselineRows: stacks.small.rows,
      callsPerRound: spec.primary.count,
      measure: 'median wall ms per sequential request (one keep-alive connection)',
      setupSeconds: round2(stacks.setupMs / 1000),
      ...Object.fromEntries(stacks.big.seeded.map((s) => [`seed:${s.table}:seconds`, round2(s.ms / 1000)])),
      ...operationDetails(primary),
      ...Object.assign({}, ...others.map(operationDetails)),
    },
  };
}

/**
 * QUALITY.md goal 4, "cost as tables grow": one row per hot operation and engine. Subject: the service on a
 * database with 1,000,000 rows in each growing table (links, results, webhook inbox, cleanup audit);
 * baseline: the same service on 10,000 rows; goal: median wall time per request at 1M ≤ 1.25× at 10k.
 * The rows of an engine share one pair of seeded databases (seeded on the first, dropped after the last).
 */
export function scaleBenchRows(kind: BenchDatabaseKind): BenchRow[] {
  return ROW_SPECS.map((spec) => {
    const name = rowName(kind, spec.suffix);
    return {
      name,
      title: `Cost as tables grow on ${kind}: ${spec.title}, with ${SCALE_BIG_ROWS.toLocaleString('en')} rows per table vs ${SCALE_SMALL_ROWS.toLocaleString('en')}, median wall time of sequential requests`,
      subjectLabel: `service, ${SCALE_BIG_ROWS.toLocaleString('en')} rows`,
      baselineLabel: `service, ${SCALE_SMALL_ROWS.toLocaleString('en')} rows`,
      unit: 'ms/req',
      goal: { op: '<=', value: SCALE_GOAL },
      run: async (ctx: BenchContext): Promise<RowMeasurement> => {
        try {
          return await measureScaleRow(kind, spec, ctx);
        } catch (error) {
          await closeScaleStacks(kind);
          throw error;
        } finally {
          releaseScaleStacks(kind, isLastScaleRow(kind, spec.suffix));
        }
      },
    };
  });
}
