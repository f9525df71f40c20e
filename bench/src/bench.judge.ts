import { BenchVerdict } from './bench-result.interface';
import { BenchGoal } from './bench-row.interface';

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
