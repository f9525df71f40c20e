import { BenchRowResult } from './bench-result.interface';
import { BenchContext, BenchRow } from './bench-row.interface';
import { goalFigure, judge } from './bench.judge';

/** Runs rows one after another (never in parallel: they would measure each other) and judges them. */
export async function runBenchRows(
  rows: readonly BenchRow[],
  ctx: BenchContext,
  tolerance: number,
): Promise<BenchRowResult[]> {
  const results: BenchRowResult[] = [];
  for (const row of rows) {
    ctx.log(`bench: running ${row.name}…`);
    const started = Date.now();
    const m = await row.run(ctx);
    const ratio = m.ratio ?? m.subject / m.baseline;
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
      details: m.details ?? {},
    });
  }
  return results;
}

/** Worst verdict of a row, its extra checks included. */
export function rowVerdict(result: BenchRowResult): BenchRowResult['verdict'] {
  const verdicts = [result.verdict, ...result.checks.map((c) => c.verdict)];
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('tolerated') ? 'tolerated' : 'pass';
}
