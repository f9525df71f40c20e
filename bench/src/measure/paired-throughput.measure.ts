import { BenchContext } from '../bench-row.interface';
import { median } from './median';

/** One operation; returning something observable (e.g. a string) keeps V8 from eliding the work. */
export type BenchOperation = () => unknown;

export interface PairedThroughput {
  subjectOpsPerSec: number;
  baselineOpsPerSec: number;
  /** Median of per-round subject/baseline ratios: robust to machine-wide drift between rounds. */
  ratio: number;
  iterationsPerRound: number;
  subjectRounds: number[];
  baselineRounds: number[];
}

/**
 * Measures two in-process operations in alternating rounds (ABBA order, so drift hits both sides alike)
 * after warm-up rounds, and reports medians.
 */
export function measurePairedThroughput(subject: BenchOperation, baseline: BenchOperation, ctx: BenchContext): PairedThroughput {
  const iterations = calibrate(baseline, ctx.roundMs);
  for (let i = 0; i < ctx.warmupRounds; i++) {
    timeRound(subject, iterations);
    timeRound(baseline, iterations);
  }
  const subjectRounds: number[] = [];
  const baselineRounds: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ctx.rounds; round++) {
    const subjectFirst = round % 2 === 0;
    const first = timeRound(subjectFirst ? subject : baseline, iterations);
    const second = timeRound(subjectFirst ? baseline : subject, iterations);
    const [s, b] = subjectFirst ? [first, second] : [second, first];
    subjectRounds.push(s);
    baselineRounds.push(b);
    ratios.push(s / b);
  }
  return {
    subjectOpsPerSec: median(subjectRounds),
    baselineOpsPerSec: median(baselineRounds),
    ratio: median(ratios),
    iterationsPerRound: iterations,
    subjectRounds,
    baselineRounds,
  };
}

let sink = 0;

/** Runs `op` `iterations` times and returns operations per second. */
function timeRound(op: BenchOperation, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const out = op();
    if (typeof out === 'string') sink += out.length;
  }
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return (iterations * 1e9) / Math.max(elapsedNs, 1);
}

/** Picks an iteration count that makes one round last about `roundMs`. */
function calibrate(op: BenchOperation, roundMs: number): number {
  let iterations = 100;
  for (;;) {
    const opsPerSec = timeRound(op, iterations);
    const roundSeconds = iterations / opsPerSec;
    if (roundSeconds * 1000 >= roundMs / 4 || iterations > 1e8) return Math.max(100, Math.round((opsPerSec * roundMs) / 1000));
    iterations *= 4;
  }
}

/** Exposed so the optimiser cannot prove the measured work is unused. */
export function benchSink(): number {
  return sink;
}
