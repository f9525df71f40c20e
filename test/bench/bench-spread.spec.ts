import { BenchRowResult } from '../../bench/src/bench-result.interface';
import { BenchGoal, BenchRow, RowMeasurement } from '../../bench/src/bench-row.interface';
import { rowVerdict, runBenchRows } from '../../bench/src/bench.runner';
import { isWide, mergeRuns, roundSpread } from '../../bench/src/bench.spread';
import { COLUMNS, resultCells, spreadCell, verdictCell } from '../../bench/src/report/result-cells';

const TOLERANCE = 0.05;
const atLeast: BenchGoal = { op: '>=', value: 0.9 };
const atMost: BenchGoal = { op: '<=', value: 1.25 };
const underMs: BenchGoal = { op: '<=', value: 300, of: 'subject' };

/** A row that answers the given measurements one run after another (the last one again if asked for more). */
function scriptedRow(goal: BenchGoal, runs: RowMeasurement[]): BenchRow & { calls: number } {
  const row = {
    calls: 0,
    name: 'codec-gcm',
    title: 'a scripted row',
    subjectLabel: 'subject',
    baselineLabel: 'baseline',
    unit: 'ops/cpu-s',
    goal,
    run: () => {
      const m = runs[Math.min(row.calls, runs.length - 1)];
      row.calls += 1;
      if (m === undefined) throw new Error('no scripted run');
      return Promise.resolve(m);
    },
  };
  return row;
}

async function runOne(row: BenchRow, repeatWide?: number): Promise<BenchRowResult> {
  const log: string[] = [];
  const ctx = { rounds: 3, warmupRounds: 0, roundMs: 10, log: (line: string) => log.push(line) };
  const [result] = await runBenchRows([row], ctx, TOLERANCE, repeatWide);
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('bench spread: the straddle rule', () => {
  it('a `≥` goal: wide only when some round meets the goal and some misses it beyond the tolerance', () => {
    // 0.9 goal, tolerance band [0.855, 0.9).
    expect(isWide([0.57, 0.8, 1.08], atLeast, TOLERANCE)).toBe(true);
    expect(isWide([0.85, 0.9], atLeast, TOLERANCE)).toBe(true);
    // Wide spread, but every round passes: no straddle.
    expect(isWide([0.91, 1.5, 2.4], atLeast, TOLERANCE)).toBe(false);
    // Every round fails: no straddle either (the row simply misses).
    expect(isWide([0.2, 0.5, 0.85], atLeast, TOLERANCE)).toBe(false);
    // Passes and rounds within the tolerance only: not beyond it.
    expect(isWide([0.86, 0.95], atLeast, TOLERANCE)).toBe(false);
    // Fails and rounds within the tolerance only.
    expect(isWide([0.5, 0.89], atLeast, TOLERANCE)).toBe(false);
  });

  it('a `≤` goal mirrors it (the band is above the goal)', () => {
    // 1.25 goal, tolerance band (1.25, 1.3125].
    expect(isWide([1.1, 1.4], atMost, TOLERANCE)).toBe(true);
    expect(isWide([1.25, 1.32], atMost, TOLERANCE)).toBe(true);
    expect(isWide([1.1, 1.3], atMost, TOLERANCE)).toBe(false);
    expect(isWide([1.4, 1.9], atMost, TOLERANCE)).toBe(false);
    expect(isWide([0.5, 1.2], atMost, TOLERANCE)).toBe(false);
  });

  it('an absolute goal is straddled by the subject per round (ms), not by a ratio', () => {
    expect(isWide([250, 320], underMs, TOLERANCE)).toBe(true);
    expect(isWide([80, 120, 290], underMs, TOLERANCE)).toBe(false);
  });

  it('one round, no round or only non-finite rounds never straddle', () => {
    expect(isWide([0.5], atLeast, TOLERANCE)).toBe(false);
    expect(isWide([], atLeast, TOLERANCE)).toBe(false);
    expect(isWide(undefined, atLeast, TOLERANCE)).toBe(false);
    expect(isWide([Number.NaN, 1], atLeast, TOLERANCE)).toBe(false);
  });

  it('the spread is the lowest and highest finite round', () => {
    expect(roundSpread([1.02, 0.91, 0.97])).toEqual([0.91, 1.02]);
    expect(roundSpread([Number.NaN, 3])).toEqual([3, 3]);
    expect(roundSpread([])).toBeNull();
    expect(roundSpread(undefined)).toBeNull();
  });
});

describe('bench spread: merging a row with its repeats', () => {
  it('a ratio goal: the ratio becomes the median of all rounds, the rest is the last run', () => {
    const first: RowMeasurement = { subject: 10, baseline: 20, ratio: 0.5, rounds: [0.4, 0.5, 1.0] };
    const second: RowMeasurement = { subject: 30, baseline: 31, ratio: 0.95, rounds: [0.9, 0.95, 1.1] };
    const merged = mergeRuns([first, second], atLeast);
    expect(merged.rounds).toEqual([0.4, 0.5, 1.0, 0.9, 0.95, 1.1]);
    expect(merged.ratio).toBeCloseTo(0.925, 10); // median of 0.4 0.5 0.9 0.95 1.0 1.1
    expect(merged.subject).toBe(30);
    expect(merged.baseline).toBe(31);
  });

  it('an absolute goal: the subject becomes the median of all rounds, the ratio stays the last run’s', () => {
    const first: RowMeasurement = { subject: 280, baseline: 50, ratio: 5.6, rounds: [250, 280, 320] };
    const second: RowMeasurement = { subject: 310, baseline: 60, ratio: 5.2, rounds: [240, 310, 330] };
    const merged = mergeRuns([first, second], underMs);
    expect(merged.subject).toBe(295); // median of 240 250 280 310 320 330
    expect(merged.ratio).toBe(5.2);
    expect(merged.baseline).toBe(60);
  });

  it('one run is kept as it is', () => {
    const only: RowMeasurement = { subject: 1, baseline: 2, ratio: 0.7, rounds: [0.1, 0.9] };
    expect(mergeRuns([only], atLeast)).toBe(only);
  });
});

describe('bench spread: the runner repeats a wide row', () => {
  const wideRun: RowMeasurement = { subject: 1, baseline: 1, ratio: 0.8, rounds: [0.57, 0.8, 1.08] };
  const narrowRun: RowMeasurement = { subject: 2, baseline: 2, ratio: 0.95, rounds: [0.93, 0.95, 0.97] };

  it('runs a straddling row once more by default and stops when a run settles', async () => {
    const row = scriptedRow(atLeast, [wideRun, narrowRun]);
    const result = await runOne(row);
    expect(row.calls).toBe(2);
    expect(result.runs).toBe(2);
    expect(result.wide).toBe(false);
    expect(result.rounds).toEqual([0.57, 0.8, 1.08, 0.93, 0.95, 0.97]);
    expect(result.ratio).toBeCloseTo(0.94, 10);
    expect(result.spread).toEqual([0.57, 1.08]);
    expect(result.runSpreads).toEqual([
      [0.57, 1.08],
      [0.93, 0.97],
    ]);
    expect(result.verdict).toBe('pass');
  });

  it('does not repeat a row that does not straddle, however wide its spread', async () => {
    const row = scriptedRow(atLeast, [{ subject: 1, baseline: 1, ratio: 1.5, rounds: [0.95, 1.5, 2.4] }]);
    const result = await runOne(row);
    expect(row.calls).toBe(1);
    expect(result.wide).toBe(false);
    expect(result.spread).toEqual([0.95, 2.4]);
  });

  it('marks a row wide when every run straddles, after `repeatWide` repeats', async () => {
    const row = scriptedRow(atLeast, [wideRun]);
    const result = await runOne(row, 3);
    expect(row.calls).toBe(4);
    expect(result.runs).toBe(4);
    expect(result.wide).toBe(true);
    // Median of all rounds (0.8) misses 0.9 beyond the tolerance: the wide row fails `--check`.
    expect(result.verdict).toBe('fail');
    expect(rowVerdict(result)).toBe('fail');
  });

  it('`repeatWide` 0 judges the first run alone', async () => {
    const row = scriptedRow(atLeast, [wideRun, narrowRun]);
    const result = await runOne(row, 0);
    expect(row.calls).toBe(1);
    expect(result.wide).toBe(true);
  });

  it('a wide row that passes by its median passes, flagged', async () => {
    const row = scriptedRow(atLeast, [{ subject: 1, baseline: 1, ratio: 0.95, rounds: [0.5, 0.95, 1.1] }]);
    const result = await runOne(row);
    expect(result.wide).toBe(true);
    expect(rowVerdict(result)).toBe('pass');
    expect(verdictCell(result)).toBe('yes (wide)');
  });
});

describe('bench spread: table cells', () => {
  it('has a spread column between ratio and goal', () => {
    expect(COLUMNS.indexOf('spread')).toBe(COLUMNS.indexOf('ratio') + 1);
    expect(COLUMNS.indexOf('goal')).toBe(COLUMNS.indexOf('spread') + 1);
  });

  it('shows lowest–highest round, the run count when repeated, nothing without rounds', () => {
    expect(spreadCell({ spread: [0.91, 1.02], runs: 1 })).toBe('0.91–1.02');
    expect(spreadCell({ spread: [0.57, 1.08], runs: 2 })).toBe('0.57–1.08 ×2');
    expect(spreadCell({ spread: [71.234, 312.5], runs: 1 })).toBe('71.23–313');
    expect(spreadCell({ spread: [0.5, 0.5], runs: 1 })).toBe('0.50');
    expect(spreadCell({ spread: null, runs: 1 })).toBe('');
  });

  it('says `(wide)` in the verdict of a wide row only', async () => {
    const wide = await runOne(
      scriptedRow(atLeast, [{ subject: 1, baseline: 1, ratio: 0.8, rounds: [0.57, 0.8, 1.08] }]),
    );
    const [line] = resultCells(wide);
    const at = (column: (typeof COLUMNS)[number]): string | undefined => line?.[COLUMNS.indexOf(column)];
    expect(at('pass')).toBe('NO (wide)');
    expect(at('spread')).toBe('0.57–1.08 ×2');
    const narrow = await runOne(
      scriptedRow(atLeast, [{ subject: 1, baseline: 1, ratio: 0.95, rounds: [0.93, 0.95, 0.97] }]),
    );
    const [quiet] = resultCells(narrow);
    expect(quiet?.[COLUMNS.indexOf('pass')]).toBe('yes');
    expect(quiet?.[COLUMNS.indexOf('spread')]).toBe('0.93–0.97');
  });
});

describe('bench runner: a row that throws', () => {
  it('fails that row alone, keeps its error and runs the next row', async () => {
    const broken = scriptedRow(atLeast, []);
    const fine = {
      ...scriptedRow(atLeast, [{ subject: 1, baseline: 1, ratio: 0.95, rounds: [0.95] }]),
      name: 'codec',
    };
    const log: string[] = [];
    const ctx = { rounds: 3, warmupRounds: 0, roundMs: 10, log: (line: string) => log.push(line) };
    const [failed, next] = await runBenchRows([broken, fine], ctx, TOLERANCE);
    expect(failed).toMatchObject({
      row: 'codec-gcm',
      verdict: 'fail',
      details: { error: 'no scripted run' },
    });
    expect(rowVerdict(failed!)).toBe('fail');
    expect(next).toMatchObject({ row: 'codec', verdict: 'pass' });
    expect(log).toContain('bench: codec-gcm failed: no scripted run');
    const [line] = resultCells(failed!);
    expect(line?.[COLUMNS.indexOf('pass')]).toBe('NO');
    expect(line?.join(' ')).not.toContain('NaN');
  });
});
