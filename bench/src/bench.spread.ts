import { BenchGoal, RowMeasurement } from './bench-row.interface';
import { judge } from './bench.judge';
import { median } from './measure/median';

/**
 * Spread of a row: the lowest and highest per-round value of its judged figure (`RowMeasurement.rounds`),
 * `null` when the row reported no finite round.
 */
export function roundSpread(rounds: readonly number[] | undefined): [number, number] | null {
  const finite = (rounds ?? []).filter((r) => Number.isFinite(r));
  if (finite.length === 0) return null;
  return [Math.min(...finite), Math.max(...finite)];
}

/**
 * The straddle rule: a run is **wide** when its rounds, each judged on its own against the row's goal with the
 * same tolerance as the row (`judge`), give at least one `pass` and at least one `fail`: the lowest and the
 * highest round lie on both sides of the tolerance band (for `≥ g`: max ≥ g and min < g·(1 − tolerance); for
 * `≤ g`: min ≤ g and max > g·(1 + tolerance)). Rounds that only reach the band (`tolerated`) do not make a
 * run wide, nor does a spread however large that stays on one side: then every round says the same thing.
 */
export function isWide(rounds: readonly number[] | undefined, goal: BenchGoal, tolerance: number): boolean {
  const verdicts = (rounds ?? []).filter((r) => Number.isFinite(r)).map((r) => judge(r, goal, tolerance));
  return verdicts.includes('pass') && verdicts.includes('fail');
}

/**
 * Merges the runs of one row (a first run and its repeats): the rounds of all runs, in order, and the judged
 * figure (`ratio`, or `subject` for `goal.of: 'subject'`) becomes the median of all of them. Every other number
 * (the other of subject / baseline / ratio, checks, figures, details) is the **last** run's: they are medians of
 * figures that the row does not report per round, and the last run is the one measured with the freshest
 * load. One run is returned as it is.
 */
export function mergeRuns(runs: readonly RowMeasurement[], goal: BenchGoal): RowMeasurement {
  const last = runs[runs.length - 1];
  if (last === undefined) throw new Error('mergeRuns: no run');
  if (runs.length === 1) return last;
  const rounds = runs.flatMap((r) => r.rounds ?? []);
  const finite = rounds.filter((r) => Number.isFinite(r));
  if (finite.length === 0) return { ...last, rounds };
  const judged = median(finite);
  return goal.of === 'subject'
    ? { ...last, subject: judged, ratio: last.ratio ?? last.subject / last.baseline, rounds }
    : { ...last, ratio: judged, rounds };
}
