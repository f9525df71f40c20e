import { BenchRowResult, BenchVerdict } from '../bench-result.interface';
import { BenchGoal } from '../bench-row.interface';
import { rowVerdict } from '../bench.runner';

// `time`: wall time of the row, so the 10-minute budget of the whole run can be checked from the table.
export const COLUMNS = ['row', 'subject', 'baseline', 'unit', 'ratio', 'goal', 'pass', 'time'] as const;

const VERDICT_TEXT: Record<BenchVerdict, string> = { pass: 'yes', tolerated: 'within tolerance', fail: 'NO' };

/**
 * The table cells of one result (plus one extra line per additional check and per diagnostic figure), shared
 * by text and Markdown.
 */
export function resultCells(result: BenchRowResult): string[][] {
  const lines = [
    [
      result.row,
      formatFigure(result.subject),
      formatFigure(result.baseline),
      result.unit,
      result.ratio.toFixed(3),
      formatGoal(result.goal),
      VERDICT_TEXT[rowVerdict(result)],
      `${(result.durationMs / 1000).toFixed(0)} s`,
    ],
  ];
  for (const check of result.checks) {
    lines.push([
      `  ${check.label}`,
      formatFigure(check.value),
      '',
      check.unit,
      '',
      formatGoal(check.goal),
      VERDICT_TEXT[check.verdict],
      '',
    ]);
  }
  for (const figure of result.figures) {
    lines.push([
      `  ${figure.label}`,
      formatFigure(figure.subject),
      formatFigure(figure.baseline),
      figure.unit,
      (figure.subject / figure.baseline).toFixed(3),
      '',
      'info',
      '',
    ]);
  }
  return lines;
}

export function formatGoal(goal: BenchGoal): string {
  return `${goal.op === '>=' ? '≥' : '≤'} ${goal.value}`;
}

function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
