import { median } from '../measure/median';

/** Median of one figure over rounds. */
export function medianOf<T>(rounds: readonly T[], figure: (round: T) => number): number {
  return median(rounds.map(figure));
}

/** Rounded for the JSON details: the noise is far above the third decimal. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function roundsOf<T>(rounds: readonly T[], figure: (round: T) => number): number[] {
  return rounds.map((r) => round2(figure(r)));
}

export function megabytes(bytes: number): number {
  return round2(bytes / (1024 * 1024));
}
