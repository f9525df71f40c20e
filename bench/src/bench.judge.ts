import { BenchVerdict } from './bench-result.interface';
import { BenchCheck, BenchComparison, BenchGoal } from './bench-row.interface';

/**
 * Judges a figure against its goal. `tolerance` is relative: with 0.05, a `>= 0.9` goal is `tolerated`
 * down to 0.855 and a `<= 1.25` goal up to 1.3125; beyond that it fails (and `--check` exits non-zero).
 */
export function judge(value: number, goal: BenchGoal, tolerance: number): BenchVerdict {
  if (!Number.isFinite(value)) return 'fail';
  if (goal.op === '>=') {
    if (value >= goal.value) return 'pass';
    return value >= goal.value * (1 - tolerance) ? 'tolerated' : 'fail';
  }
  if (value <= goal.value) return 'pass';
  return value <= goal.value * (1 + tolerance) ? 'tolerated' : 'fail';
}

/** The figure a row's goal bounds: its ratio, or the subject's own figure for an absolute goal (`of: 'subject'`). */
export function goalFigure(goal: BenchGoal, subject: number, ratio: number): number {
  return goal.of === 'subject' ? subject : ratio;
}

/** The figure a comparison's goal bounds: subject / reference (its `ratio` when given), or subject − reference. */
export function comparisonFigure(comparison: BenchComparison): number {
  if (comparison.goal.of === 'difference') return comparison.subject - comparison.reference;
  return comparison.ratio ?? comparison.subject / comparison.reference;
}

/**
 * A further judged comparison as a row check: `value` is the comparison's judged figure (`comparisonFigure`)
 * and the goal bounds it directly, so the runner judges it as any check, with the row's tolerance (for a
 * difference goal the tolerance applies to the difference: `≤ +12` KB is tolerated up to +12.6 at 5%). The
 * comparison itself rides along for the table and the JSON.
 */
export function comparisonCheck(label: string, comparison: BenchComparison): BenchCheck {
  const difference = comparison.goal.of === 'difference';
  return {
    label,
    value: comparisonFigure(comparison),
    unit: difference ? comparison.unit : 'ratio',
    goal: { op: comparison.goal.op, value: comparison.goal.value },
    comparison,
  };
}
