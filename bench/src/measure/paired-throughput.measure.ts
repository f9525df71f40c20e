import { BenchContext } from '../bench-row.interface';
import { median } from './median';

/** One operation; returning something observable (e.g. a string) keeps V8 from eliding the work. */
export type BenchOperation = () => unknown;

export interface PairedThroughput {
  subjectOpsPerSec: number;
  baselineOpsPerSec: number;
  /** Median of per-round subject/baseline ratios. */
  ratio: number;
  /** Spread of the per-round ratios (min, max), to judge how noisy the run was. */
  ratioRange: [number, number];
  /** The per-round ratios `ratio` is the median of. */
  ratios: number[];
  blockSize: number;
  blocksPerRound: number;
  subjectRounds: number[];
  baselineRounds: number[];
}

// Each round interleaves subject and baseline in blocks of a few milliseconds (order alternating), so load
// from other processes on a shared machine hits both sides alike instead of whole rounds of one side.
const BLOCK_MS = 10;

/**
 * Measures two in-process operations against each other: warm-up rounds (discarded), a calibration of
 * the block size, then `ctx.rounds`
 * rounds of ~`ctx.roundMs` per side made of interleaved blocks; reports medians over rounds.
 */
export function measurePairedThroughput(
  subject: BenchOperation,
  baseline: BenchOperation,
  ctx: BenchContext,
): PairedThroughput {
  const blocksPerRound = Math.max(2, Math.round(ctx.roundMs / BLOCK_MS));
  // Warm up (JIT, caches) before calibrating: a cold calibration picks tiny blocks.
  let blockSize = calibrate(baseline, BLOCK_MS);
  for (let i = 0; i < ctx.warmupRounds; i++) runRound(subject, baseline, blockSize, blocksPerRound);
  blockSize = calibrate(baseline, BLOCK_MS);
  const subjectRounds: number[] = [];
  const baselineRounds: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ctx.rounds; round++) {
    const [s, b] = runRound(subject, baseline, blockSize, blocksPerRound);
    subjectRounds.push(s);
    baselineRounds.push(b);
    ratios.push(s / b);
  }
  return {
    subjectOpsPerSec: median(subjectRounds),
    baselineOpsPerSec: median(baselineRounds),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    ratios,
    blockSize,
    blocksPerRound,
    subjectRounds,
    baselineRounds,
  };
}

/** Returns [subject ops/s, baseline ops/s] for one round. */
function runRound(
  subject: BenchOperation,
  baseline: BenchOperation,
  blockSize: number,
  blocks: number,
): [number, number] {
  let subjectNs = 0;
  let baselineNs = 0;
  for (let block = 0; block < blocks; block++) {
    if (block % 2 === 0) {
      subjectNs += timeBlock(subject, blockSize);
      baselineNs += timeBlock(baseline, blockSize);
    } else {
      baselineNs += timeBlock(baseline, blockSize);
      subjectNs += timeBlock(subject, blockSize);
    }
  }
  const ops = blockSize * blocks * 1e9;
  return [ops / Math.max(subjectNs, 1), ops / Math.max(baselineNs, 1)];
}

let sink = 0;

/**
 * Runs `op` `iterations` times; returns the process CPU nanoseconds spent. CPU time rather than wall time:
 * on a shared 2-core machine a block is often descheduled, and wall time would charge that to whichever
 * side was running (QUALITY.md: CPU time is the stable figure).
 */
function timeBlock(op: BenchOperation, iterations: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const out = op();
    if (typeof out === 'string') sink += out.length;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) * 1000;
}

/** Picks an iteration count that makes one block last about `blockMs`. */
function calibrate(op: BenchOperation, blockMs: number): number {
  let iterations = 16;
  for (;;) {
    const ns = timeBlock(op, iterations);
    if (ns >= (blockMs * 1e6) / 2 || iterations >= 1 << 24)
      return Math.max(1, Math.round((iterations * blockMs * 1e6) / Math.max(ns, 1)));
    iterations *= 2;
  }
}

/** Exposed so the optimiser cannot prove the measured work is unused. */
export function benchSink(): number {
  return sink;
}
