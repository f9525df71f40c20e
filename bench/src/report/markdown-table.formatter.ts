import { BenchReport } from '../bench-result.interface';
import { COLUMNS, resultCells } from './result-cells';

/** Markdown rendering of a report, for bench/results/latest.md and pull requests. */
export function formatMarkdownReport(report: BenchReport): string {
  const { environment: env, settings } = report;
  const lines = [
    '# Bench results',
    '',
    `Generated ${report.generatedAt} on Node ${env.node}, ${env.platform}/${env.arch}, ${env.cpuCount} × ${env.cpuModel}, ` +
      `load ${env.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    `Settings: ${settings.rounds} rounds after ${settings.warmupRounds} warm-up rounds of ~${settings.roundMs} ms per side; ` +
      `ratio = median of per-round subject/baseline ratios; tolerance ${(settings.tolerance * 100).toFixed(0)}%; ` +
      `spread = lowest–highest round of the judged figure (×n: n runs merged); a row whose rounds straddle its goal ` +
      `is run again up to ${settings.repeatWide} time(s), and marked \`(wide)\` when every run straddled. ` +
      `Indented lines: checks and comparisons with a further reference (judged: subject, reference, ratio or ` +
      `difference, its spread), then \`info\` figures.`,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...report.rows
      .flatMap(resultCells)
      .map((cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
    '',
    ...report.rows.map(
      (r) => `- **${r.row}**: ${r.title} (subject: ${r.subjectLabel}; baseline: ${r.baselineLabel}).`,
    ),
    '',
  ];
  return lines.join('\n');
}
