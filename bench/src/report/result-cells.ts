import { BenchRowResult, BenchVerdict, JudgedCheck } from '../bench-result.interface';
import { BenchComparison, BenchGoal, ComparisonGoal } from '../bench-row.interface';
import { rowVerdict } from '../bench.runner';
import { roundSpread } from '../bench.spread';

// `spread`: lowest–highest round of the judged figure (the ratio, or the subject for an absolute goal), all
// runs merged; `time`: wall time of the row, so the 10-minute budget of the whole run can be checked from the
// table.
export const COLUMNS = [
  'row',
  'subject',
  'baseline',
  'unit',
  'ratio',
  'spread',
  'goal',
  'pass',
  'time',
] as const;

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
      Number.isNaN(result.ratio) ? '—' : result.ratio.toFixed(3),
      spreadCell(result),
      formatGoal(result.goal, result.unit),
      verdictCell(result),
      `${(result.durationMs / 1000).toFixed(0)} s`,
    ],
  ];
  const error = result.details.error;
  if (typeof error === 'string') lines.push([`  error: ${error}`, '', '', '', '', '', '', '', '']);
  for (const check of result.checks) {
    if (check.comparison !== undefined) {
      lines.push(comparisonCells(check, check.comparison));
      continue;
    }
    lines.push([
      `  ${check.label}`,
      formatFigure(check.value),
      check.baseline === undefined ? '' : formatFigure(check.baseline),
      check.unit,
      check.baseline === undefined ? '' : (check.value / check.baseline).toFixed(3),
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
      figure.baseline === undefined ? '' : formatFigure(figure.baseline),
      figure.unit,
      figure.baseline === undefined ? '' : (figure.subject / figure.baseline).toFixed(3),
      '',
      '',
      'info',
      '',
    ]);
  }
  return lines;
}

/**
 * A comparison with a further reference (`BenchCheck.comparison`): the subject's figure, the reference's, the
 * judged figure in the ratio column (a ratio, or `+13.30` for a difference goal), its spread over the rounds,
 * the goal (`≤ 0.6`, `≤ +12`: the unit is in the unit column) and the verdict.
 */
function comparisonCells(check: JudgedCheck, c: BenchComparison): string[] {
  const difference = c.goal.of === 'difference';
  const figure = (value: number): string =>
    difference ? `${value >= 0 ? '+' : ''}${formatFigure(value)}` : value.toFixed(3);
  const spread = roundSpread(c.rounds);
  return [
    `  ${check.label}`,
    formatFigure(c.subject),
    formatFigure(c.reference),
    c.unit,
    figure(check.value),
    spread === null
      ? ''
      : spread[0] === spread[1]
        ? figure(spread[0])
        : `${figure(spread[0])}–${figure(spread[1])}`,
    formatComparisonGoal(c.goal),
    VERDICT_TEXT[check.verdict],
    '',
  ];
}

/** `≤ 0.6` for a ratio; `≤ +12` for a difference (subject − reference, in the comparison's unit). */
export function formatComparisonGoal(goal: ComparisonGoal): string {
  const op = goal.op === '>=' ? '≥' : '≤';
  return goal.of === 'difference'
    ? `${op} ${goal.value >= 0 ? '+' : ''}${goal.value}`
    : `${op} ${goal.value}`;
}

/**
 * `0.91–1.02`: lowest–highest round of the judged figure; `0.57–1.08 ×2` when the row ran twice (a wide first
 * run and its repeat, rounds merged); empty when the row reported no rounds.
 */
export function spreadCell(result: Pick<BenchRowResult, 'spread' | 'runs'>): string {
  if (result.spread === null) return '';
  const [low, high] = result.spread;
  const text = low === high ? formatFigure(low) : `${formatFigure(low)}–${formatFigure(high)}`;
  return result.runs > 1 ? `${text} ×${result.runs}` : text;
}

/** `yes`, `within tolerance` or `NO` (the worst of the row and its checks), `(wide)` added to a wide row. */
export function verdictCell(result: BenchRowResult): string {
  const text = VERDICT_TEXT[rowVerdict(result)];
  return result.wide ? `${text} (wide)` : text;
}

/** `≤ 1.25` for a ratio goal; an absolute row goal carries the row's unit (`≤ 300 ms wall`). */
export function formatGoal(goal: BenchGoal, unit?: string): string {
  const text = `${goal.op === '>=' ? '≥' : '≤'} ${goal.value}`;
  return goal.of === 'subject' && unit !== undefined ? `${text} ${unit}` : text;
}

function formatFigure(value: number): string {
  // NaN: a row that failed before measuring (its error follows in an extra line).
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
