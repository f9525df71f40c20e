import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchReport } from '../bench-result.interface';
import { formatMarkdownReport } from './markdown-table.formatter';

/** Writes `latest.json` and `latest.md` into `dir`; returns their paths. */
export function writeResults(report: BenchReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, formatMarkdownReport(report));
  return [json, md];
}
