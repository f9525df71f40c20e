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
      formatGoal(result.goal, result.unit),
      VERDICT_TEXT[rowVerdict(result)],
      `${(result.durationMs / 1000).toFixed(0)} s`,
    ],
  ];
  for (const check of result.checks) {
    lines.push([
      `  ${check.label}`,
      formatFigure(check.value),
      check.baseline === undefined ? '' : formatFigure(check.baseline),
      check.unit,
      check.baseline === undefined ? '' : (check.value / check.baseline).toFixed(3),
      formatGoal(check.goal),
      VERDICT_TEXT[check.verdict],
      '',
    ]);
  }
  for (const figure of result.figures) {
    lines.push([
      `  ${figure.label}`,
      formatFigure(figure.subject),
      figure.baseline === undefined ? '' : formatFigure(figure.baseline),
      figure.unit,
      figure.baseline === undefined ? '' : (figure.subject / figure.baseline).toFixed(3),
      '',
      'info',
      '',
    ]);
  }
  return lines;
}

/** `≤ 1.25` for a ratio goal; an absolute row goal carries the row's unit (`≤ 300 ms wall`). */
export function formatGoal(goal: BenchGoal, unit?: string): string {
  const text = `${goal.op === '>=' ? '≥' : '≤'} ${goal.value}`;
  return goal.of === 'subject' && unit !== undefined ? `${text} ${unit}` : text;
}

function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
