import { parseArgs } from 'node:util';

export interface BenchArgs {
  check: boolean;
  only: string[] | null;
  rounds: number;
  warmupRounds: number;
  roundMs: number;
  tolerance: number;
  /** How many times a row whose rounds straddle its goal is run again (bench.spread.ts). */
  repeatWide: number;
  outDir: string;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]
  --only <row[,row]>   run only these rows (repeatable)
  --check              exit 1 when a row misses its goal by more than the tolerance
  --tolerance <0..1>   relative tolerance for --check (default 0.05)
  --repeat-wide <n>    run a row again up to n times while its rounds straddle the goal (default 1)
  --rounds <n>         measured rounds per side (default 15)
  --warmup <n>         warm-up rounds per side (default 2)
  --round-ms <ms>      target duration of an in-process round (default 200)
  --out <dir>          results directory (default bench/results)`;

/** Parses bench options; throws an Error with a one-line message on bad input. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '2' },
      'round-ms': { type: 'string', default: '200' },
      tolerance: { type: 'string', default: '0.05' },
      'repeat-wide': { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const only =
    values.only
      ?.flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '') ?? null;
  return {
    check: values.check,
    only: only && only.length > 0 ? only : null,
    rounds: integer('--rounds', values.rounds, 1),
    warmupRounds: integer('--warmup', values.warmup, 0),
    roundMs: integer('--round-ms', values['round-ms'], 10),
    tolerance: fraction('--tolerance', values.tolerance),
    repeatWide: integer('--repeat-wide', values['repeat-wide'], 0),
    outDir: values.out,
    help: values.help,
  };
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`${flag} must be an integer ≥ ${min}`);
  return value;
}

function fraction(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value >= 1)
    throw new Error(`${flag} must be a number in [0, 1)`);
  return value;
}
