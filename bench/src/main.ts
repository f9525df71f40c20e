import { arch, cpus, loadavg, platform } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_USAGE, parseBenchArgs } from './bench-args.parser';
import { BenchReport } from './bench-result.interface';
import { rowVerdict, runBenchRows } from './bench.runner';
import { closeScaleStacks } from './http/scale-stack';
import { benchSink } from './measure/paired-throughput.measure';
import { formatTextTable } from './report/text-table.formatter';
import { writeResults } from './report/results.writer';
import { BENCH_ROWS } from './rows/bench-rows.registry';

/** `npm run bench`: runs the registered rows, prints the table, writes bench/results/latest.{json,md}. */
async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${BENCH_USAGE}\nRows: ${BENCH_ROWS.map((r) => r.name).join(', ')}\n`);
    return 0;
  }
  const unknown = (args.only ?? []).filter((name) => !BENCH_ROWS.some((r) => r.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown row ${unknown.join(', ')} (rows: ${BENCH_ROWS.map((r) => r.name).join(', ')})`);
  const rows = args.only ? BENCH_ROWS.filter((r) => args.only?.includes(r.name)) : BENCH_ROWS;

  const results = await runBenchRows(
    rows,
    {
      rounds: args.rounds,
      warmupRounds: args.warmupRounds,
      roundMs: args.roundMs,
      log: (line) => process.stderr.write(`${line}\n`),
    },
    args.tolerance,
    args.repeatWide,
  ).finally(() => closeScaleStacks());
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: platform(),
      arch: arch(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cpuCount: cpus().length,
      loadAverage: loadavg(),
    },
    settings: {
      rounds: args.rounds,
      warmupRounds: args.warmupRounds,
      roundMs: args.roundMs,
      tolerance: args.tolerance,
      repeatWide: args.repeatWide,
      only: args.only,
    },
    rows: results,
  };
  process.stdout.write(`${formatTextTable(results)}\n`);
  const written = writeResults(report, resolve(args.outDir));
  process.stderr.write(`bench: wrote ${written.join(', ')} (sink ${benchSink() % 10})\n`);

  const wide = results.filter((r) => r.wide).map((r) => `${r.row} (${r.runs} runs)`);
  if (wide.length > 0)
    process.stderr.write(
      `bench: wide: ${wide.join(', ')}: their rounds straddle the goal in every run; the verdict is their median's\n`,
    );
  const failed = results.filter((r) => rowVerdict(r) === 'fail').map((r) => r.row);
  if (args.check && failed.length > 0) {
    process.stderr.write(
      `bench: --check failed: ${failed.join(', ')} missed the goal by more than ${args.tolerance * 100}%\n`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
