import { BenchRowResult } from './bench-result.interface';
import { BenchContext, BenchRow, RowMeasurement } from './bench-row.interface';
import { goalFigure, judge } from './bench.judge';
import { isWide, mergeRuns, roundSpread } from './bench.spread';

/**
 * Runs rows one after another (never in parallel: they would measure each other) and judges them.
 *
 * Spread and repeats: a run whose rounds straddle the goal (some round passes, some fails beyond the
 * tolerance: `isWide`) is run again, up to `repeatWide` times, stopping at the first run that does not
 * straddle. The rounds of all runs are merged and the judged figure is their median (`mergeRuns`; the other
 * numbers are the last run's). A row whose every run straddled is marked `wide`: its verdict stands (a wide
 * row that misses by its median fails `--check`, one that passes by its median passes) but the table says
 * `(wide)`.
 */
export async function runBenchRows(
  rows: readonly BenchRow[],
  ctx: BenchContext,
  tolerance: number,
  repeatWide = 1,
): Promise<BenchRowResult[]> {
  const results: BenchRowResult[] = [];
  for (const row of rows) {
    ctx.log(`bench: running ${row.name}…`);
    const started = Date.now();
    let first: RowMeasurement;
    try {
      first = await row.run(ctx);
    } catch (error) {
      // One row that cannot measure (a server that never settled, a refused answer check) fails itself,
      // not the run: the other rows are still measured and the table still written.
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`bench: ${row.name} failed: ${message}`);
      results.push(failedRow(row, message, Date.now() - started));
      continue;
    }
    const runs: RowMeasurement[] = [first];
    let wide = isWide(runs[0]?.rounds, row.goal, tolerance);
    while (wide && runs.length <= repeatWide) {
      const spread = roundSpread(runs[runs.length - 1]?.rounds);
      ctx.log(
        `bench: ${row.name}: rounds ${spread ? spread.map((v) => v.toPrecision(3)).join('–') : '?'} straddle the goal, running it again (${runs.length}/${repeatWide})…`,
      );
      const again = await row.run(ctx);
      runs.push(again);
      wide = isWide(again.rounds, row.goal, tolerance);
    }
    const m = mergeRuns(runs, row.goal);
    const ratio = m.ratio ?? m.subject / m.baseline;
    const rounds = m.rounds ?? [];
    results.push({
      row: row.name,
      title: row.title,
      subjectLabel: row.subjectLabel,
      baselineLabel: row.baselineLabel,
      subject: m.subject,
      baseline: m.baseline,
      unit: row.unit,
      ratio,
      goal: row.goal,
      verdict: judge(goalFigure(row.goal, m.subject, ratio), row.goal, tolerance),
      checks: (m.checks ?? []).map((c) => ({ ...c, verdict: judge(c.value, c.goal, tolerance) })),
      figures: m.figures ?? [],
      durationMs: Date.now() - started,
      rounds,
      spread: roundSpread(rounds),
      runs: runs.length,
      runSpreads: runs.map((r) => roundSpread(r.rounds)),
      wide,
      details: m.details ?? {},
    });
  }
  return results;
}

/** Worst verdict of a row, its extra checks included (a `wide` row keeps the verdict of its median). */
/** The result of a row that threw: no figure, judged `fail`, its error kept in `details.error`. */
function failedRow(row: BenchRow, error: string, durationMs: number): BenchRowResult {
  return {
    row: row.name,
    title: row.title,
    subjectLabel: row.subjectLabel,
    baselineLabel: row.baselineLabel,
    subject: Number.NaN,
    baseline: Number.NaN,
    unit: row.unit,
    ratio: Number.NaN,
    goal: row.goal,
    verdict: 'fail',
    checks: [],
    figures: [],
    durationMs,
    rounds: [],
    spread: null,
    runs: 0,
    runSpreads: [],
    wide: false,
    details: { error },
  };
}

export function rowVerdict(result: BenchRowResult): BenchRowResult['verdict'] {
  const verdicts = [result.verdict, ...result.checks.map((c) => c.verdict)];
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('tolerated') ? 'tolerated' : 'pass';
}
