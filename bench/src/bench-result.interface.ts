import { BenchComparison, BenchFigure, BenchGoal } from './bench-row.interface';

/** `pass`: goal met; `tolerated`: missed by no more than the tolerance; `fail`: missed by more. */
export type BenchVerdict = 'pass' | 'tolerated' | 'fail';

export interface JudgedCheck {
  label: string;
  value: number;
  baseline?: number;
  unit: string;
  goal: BenchGoal;
  verdict: BenchVerdict;
  /** A comparison with a further reference (`BenchCheck.comparison`): `value` is its judged figure. */
  comparison?: BenchComparison;
}

export interface BenchRowResult {
  row: string;
  title: string;
  subjectLabel: string;
  baselineLabel: string;
  subject: number;
  baseline: number;
  unit: string;
  ratio: number;
  goal: BenchGoal;
  verdict: BenchVerdict;
  checks: JudgedCheck[];
  figures: BenchFigure[];
  /** Wall time of all the row's runs. */
  durationMs: number;
  /** The judged figure per round, all runs merged in order (`RowMeasurement.rounds`). */
  rounds: number[];
  /** Lowest and highest of `rounds`; `null` when the row reported none. */
  spread: [number, number] | null;
  /** How many times the row ran: 1, plus one per repeat of a wide run (`--repeat-wide`). */
  runs: number;
  /** Each run's own spread, in order. */
  runSpreads: ([number, number] | null)[];
  /**
   * Every run's rounds straddled the goal (bench.spread.ts `isWide`), the repeats included: the verdict, taken
   * on the median of all rounds, stands but is flagged in the table.
   */
  wide: boolean;
  details: Record<string, unknown>;
}

export interface BenchReport {
  generatedAt: string;
  environment: {
    node: string;
    platform: string;
    arch: string;
    cpuModel: string;
    cpuCount: number;
    loadAverage: number[];
  };
  settings: {
    rounds: number;
    warmupRounds: number;
    roundMs: number;
    tolerance: number;
    repeatWide: number;
    only: string[] | null;
  };
  rows: BenchRowResult[];
}
