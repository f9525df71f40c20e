import { BenchFigure, BenchGoal } from './bench-row.interface';

/** `pass`: goal met; `tolerated`: missed by no more than the tolerance; `fail`: missed by more. */
export type BenchVerdict = 'pass' | 'tolerated' | 'fail';

export interface JudgedCheck {
  label: string;
  value: number;
  baseline?: number;
  unit: string;
  goal: BenchGoal;
  verdict: BenchVerdict;
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
  durationMs: number;
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
    only: string[] | null;
  };
  rows: BenchRowResult[];
}
