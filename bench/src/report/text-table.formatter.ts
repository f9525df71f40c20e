import { BenchRowResult } from '../bench-result.interface';
import { COLUMNS, resultCells } from './result-cells';

/** Fixed-width table for the terminal. */
export function formatTextTable(results: readonly BenchRowResult[]): string {
  const rows = [[...COLUMNS], ...results.flatMap(resultCells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [render(header ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)].join('\n');
}
