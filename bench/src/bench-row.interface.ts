/**
 * A bench row compares a subject with a baseline measured in the same run, because absolute figures drift
 * ±30% on the shared machines while same-run ratios hold (QUALITY.md).
 *
 * Rows of any kind fit: in-process throughput (ops/s, higher is better), HTTP throughput from autocannon
 * (req/s), or server CPU per request from `process.cpuUsage()` (µs/req, lower is better). Extra criteria
 * (p99 latency, lost deliveries, RSS) go in `checks`, and so do comparisons with a further reference measured
 * in the same run (`BenchCheck.comparison`, e.g. the admin GET's peer). A row whose goal is an absolute figure (a process's
 * wall time) still measures its baseline in the same run and reports the ratio beside it (`goal.of`).
 */
export interface BenchRow {
  /** Short id used by `--only` and in the results, e.g. `codec`. */
  readonly name: string;
  /** One sentence saying what is compared with what. */
  readonly title: string;
  readonly subjectLabel: string;
  readonly baselineLabel: string;
  /** Unit of `subject` and `baseline`, e.g. `ops/cpu-s` (operations per CPU-second), `req/s`, `µs CPU/req`. */
  readonly unit: string;
  /** Goal on ratio = subject / baseline, or on the subject's own figure when `goal.of` is `subject`. */
  readonly goal: BenchGoal;
  /** Performs warm-up and rounds itself (helpers in ./measure), then reports medians. */
  run(ctx: BenchContext): Promise<RowMeasurement>;
}

/** `>=` for figures where more is better (throughput), `<=` where less is better (CPU, latency). */
export interface BenchGoal {
  readonly op: '>=' | '<=';
  readonly value: number;
  /**
   * What a row's goal bounds: the ratio subject/baseline (the default), or the subject's own figure in the
   * row's unit (an absolute goal, e.g. a wall time in ms). Checks are always judged on their own value.
   */
  readonly of?: 'ratio' | 'subject';
}

export interface RowMeasurement {
  /** Median figure of the subject, in the row's unit. */
  subject: number;
  /** Median figure of the baseline, in the row's unit. */
  baseline: number;
  /** Subject/baseline; defaults to subject / baseline. Rows with paired rounds pass the median of per-round ratios. */
  ratio?: number;
  /**
   * The judged figure round by round, exactly the values its median is taken from: the per-round ratio for a
   * ratio goal, the subject's per-round figure for an absolute goal (`goal.of: 'subject'`). The runner reads
   * the row's spread from it and repeats a row whose rounds straddle the goal (bench.spread.ts).
   */
  rounds?: number[];
  /** Additional absolute criteria, judged with the same tolerance as the ratio. */
  checks?: BenchCheck[];
  /** Figures shown beside the row for diagnosis, without a goal (e.g. heap allocated per request). */
  figures?: BenchFigure[];
  /** Anything worth keeping in the JSON (rounds, spreads, request counts…). */
  details?: Record<string, number | string | boolean | number[]>;
}

export interface BenchFigure {
  label: string;
  subject: number;
  /** Absent for a figure that stands alone (e.g. a difference subject − baseline): no ratio is shown. */
  baseline?: number;
  unit: string;
}

export interface BenchCheck {
  label: string;
  /** The judged figure (for a comparison check, the comparison's ratio or difference: `comparisonCheck`). */
  value: number;
  /** The baseline's figure in the same unit, shown beside the value with their ratio (the goal stays on value). */
  baseline?: number;
  unit: string;
  goal: BenchGoal;
  /**
   * Set when the check compares the row's subject with a further reference measured in the same run, beside
   * the row's own baseline (e.g. the admin GET's peer, or its heap against the limit's): the table shows its
   * subject, reference, ratio and spread. Build such a check with `comparisonCheck` (bench.judge.ts).
   */
  comparison?: BenchComparison;
}

/**
 * A further judged comparison of a row: the subject against a second reference (or against the row's
 * baseline on another figure), measured in the same run. The row's own goal, spread and repeats stay on its
 * primary ratio; a comparison is judged like a check, with the same tolerance, and fails the row alike.
 */
export interface BenchComparison {
  /** The subject's figure, in `unit`. */
  subject: number;
  /** The reference's figure, in `unit`. */
  reference: number;
  /** What the reference is, e.g. `peer: Nest 12 + TypeORM`. */
  referenceLabel: string;
  unit: string;
  goal: ComparisonGoal;
  /** Median of per-round ratios when the rounds are paired; defaults to subject / reference. */
  ratio?: number;
  /** The judged figure (ratio or difference) round by round, shown as the check's spread. */
  rounds?: number[];
}

/**
 * `of: 'ratio'` (the default) bounds subject / reference (`≤ 0.6`: at most 0.6× the peer's); `of: 'difference'`
 * bounds subject − reference in the comparison's unit (`≤ +12` KB/req: at most 12 KB more than the limit).
 */
export interface ComparisonGoal {
  readonly op: '>=' | '<=';
  readonly value: number;
  readonly of?: 'ratio' | 'difference';
}

/** Knobs from the command line, shared by every row. */
export interface BenchContext {
  /** Measured rounds per side (median taken over them). */
  rounds: number;
  /** Discarded rounds per side before measuring. */
  warmupRounds: number;
  /** Target duration of one in-process round, in milliseconds. */
  roundMs: number;
  /** Progress output (stderr), kept out of the results table. */
  log(line: string): void;
}
