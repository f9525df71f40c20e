import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARGOS_TEST_VECTOR } from '@faceauth/encryption';
import { BenchContext, BenchRow, RowMeasurement } from '../bench-row.interface';
import { round2 } from '../http/figures';
import { median } from '../measure/median';

/**
 * The CLI as `nest build bench` compiles it (the bench's tsconfig includes apps/, so `npm run bench` always
 * measures the current sources), found next to the compiled bench like the server entries: from
 * dist/bench/bench/src/rows, dist/bench/apps/cli/src/main.js. Same sources and compiler settings as the
 * package's `faceauth` bin (dist/apps/cli/apps/cli/src/main.js), which `npm run build` writes.
 */
export const CLI_ENTRY = resolve(__dirname, '../../../apps/cli/src/main.js');

/** Issue 19's bound on the wall time of each fast-path command. */
const GOAL_MS = 300;
/** Processes per command and round; the round's figure is their median. */
const RUNS_PER_ROUND = 5;
const MIN_ROUNDS = 3;
const MAX_ROUNDS = 9;
const SPAWN_TIMEOUT_MS = 30_000;

type CommandKey = 'node' | 'help' | 'encrypt';

interface StartupCommand {
  key: CommandKey;
  label: string;
  args: string[];
  /** Whether the process answered as it must: a wrong or failing answer makes its time meaningless. */
  answered(stdout: string): boolean;
}

const { keyString, plaintext, ciphertext } = ARGOS_TEST_VECTOR;

const COMMANDS: readonly StartupCommand[] = [
  { key: 'node', label: "node -e ''", args: ['-e', ''], answered: (out) => out === '' },
  {
    key: 'help',
    label: 'faceauth --help',
    args: [CLI_ENTRY, '--help'],
    answered: (out) => out.startsWith('Usage: faceauth [options] [command]\n'),
  },
  {
    key: 'encrypt',
    label: 'faceauth encrypt',
    args: [CLI_ENTRY, 'encrypt', plaintext],
    answered: (out) => out === `${ciphertext}\n`,
  },
];

/**
 * Issue 19: `faceauth --help` and `faceauth encrypt …` answer without booting Nest or a database, under
 * 0.3 s of wall time. An absolute goal (the user waits for the process, whatever the machine does), so the
 * row is judged on the subject's own median; `node -e ''` in the same rounds shows how much of that is
 * Node's own start-up (ratio and overhead in ms).
 */
export const cliStartupBench: BenchRow = {
  name: 'cli-startup',
  title: "Wall time of a CLI process: `faceauth --help` (and `faceauth encrypt`) vs `node -e ''`",
  subjectLabel: 'faceauth --help',
  baselineLabel: "node -e ''",
  unit: 'ms wall',
  goal: { op: '<=', value: GOAL_MS, of: 'subject' },
  run: (ctx) => Promise.resolve(measureCliStartup(ctx)),
};

function measureCliStartup(ctx: BenchContext): RowMeasurement {
  if (!existsSync(CLI_ENTRY))
    throw new Error(
      `${CLI_ENTRY} is missing: run the bench with \`npm run bench\` (it builds the CLI with it)`,
    );
  const rounds = Math.max(MIN_ROUNDS, Math.min(ctx.rounds, MAX_ROUNDS));
  const warmupRounds = Math.min(ctx.warmupRounds, 1);
  // Same environment for all three: the key (only encrypt reads it), PATH, nothing else (no NODE_OPTIONS).
  const env = { PATH: process.env.PATH ?? '', FACEAUTH_KEY: keyString };
  const perRound: Record<CommandKey, number[]> = { node: [], help: [], encrypt: [] };
  for (let round = -warmupRounds; round < rounds; round++) {
    const times: Record<CommandKey, number[]> = { node: [], help: [], encrypt: [] };
    for (let run = 0; run < RUNS_PER_ROUND; run++) {
      // The order rotates from one run to the next, so each command starts first, second and third
      // equally often and load from other processes falls on all three alike.
      const shift = ((round + warmupRounds) * RUNS_PER_ROUND + run) % COMMANDS.length;
      for (const command of [...COMMANDS.slice(shift), ...COMMANDS.slice(0, shift)])
        times[command.key].push(timeProcess(command, env));
    }
    if (round < 0) continue;
    for (const key of Object.keys(times) as CommandKey[]) perRound[key].push(median(times[key]));
    ctx.log(
      `bench:   cli-startup round ${round + 1}: node -e '' ${perRound.node[round]?.toFixed(1)} ms, ` +
        `--help ${perRound.help[round]?.toFixed(1)} ms, encrypt ${perRound.encrypt[round]?.toFixed(1)} ms`,
    );
  }

  const ratios = (key: CommandKey): number[] => perRound[key].map((t, i) => t / (perRound.node[i] ?? NaN));
  const overheads = (key: CommandKey): number[] => perRound[key].map((t, i) => t - (perRound.node[i] ?? NaN));
  const range = (values: number[]): number[] => [round2(Math.min(...values)), round2(Math.max(...values))];
  const nodeMs = median(perRound.node);
  return {
    subject: median(perRound.help),
    baseline: nodeMs,
    ratio: median(ratios('help')),
    // An absolute goal: the judged figure is the subject, so its rounds are `--help`'s per-round medians.
    rounds: perRound.help,
    checks: [
      {
        label: 'faceauth encrypt (test vector)',
        value: median(perRound.encrypt),
        baseline: nodeMs,
        unit: 'ms wall',
        goal: { op: '<=', value: GOAL_MS },
      },
    ],
    figures: [
      { label: "--help overhead over node -e ''", subject: median(overheads('help')), unit: 'ms wall' },
      { label: "encrypt overhead over node -e ''", subject: median(overheads('encrypt')), unit: 'ms wall' },
    ],
    details: {
      cliEntry: CLI_ENTRY,
      rounds,
      warmupRounds,
      runsPerRound: RUNS_PER_ROUND,
      plaintextBytes: Buffer.byteLength(plaintext),
      nodeMsRounds: perRound.node.map(round2),
      helpMsRounds: perRound.help.map(round2),
      encryptMsRounds: perRound.encrypt.map(round2),
      helpRatioRounds: ratios('help').map(round2),
      encryptRatioRounds: ratios('encrypt').map(round2),
      helpRatioRange: range(ratios('help')),
      encryptRatioRange: range(ratios('encrypt')),
      encryptRatio: round2(median(ratios('encrypt'))),
      helpOverheadMsRange: range(overheads('help')),
      encryptOverheadMsRange: range(overheads('encrypt')),
    },
  };
}

/**
 * Wall time of one process, from spawn to exit, in milliseconds. `spawnSync` blocks the bench's event loop,
 * which has nothing else to do here, so no timer or callback delay is added to either side.
 */
function timeProcess(command: StartupCommand, env: Record<string, string>): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT_MS,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw new Error(`${command.label}: ${result.error.message}`);
  if (result.status !== 0 || !command.answered(result.stdout))
    throw new Error(
      `${command.label} answered wrongly (exit ${result.status ?? result.signal}), its time would be meaningless:\n` +
        `${result.stdout.slice(0, 500)}${result.stderr.slice(0, 2000)}`,
    );
  return ms;
}
