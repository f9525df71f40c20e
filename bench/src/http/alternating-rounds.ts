import { HttpPlan } from './http-plan';

export type Side = 'subject' | 'baseline';

/** One round of one side (of two or more, see `runRotatingRounds`). */
export interface SideRound<S extends string> {
  side: S;
  /** `w0`… for warm-up rounds, `0`, `1`… for measured ones; unique within a row (used in ids). */
  label: string;
  warmup: boolean;
  /** Index of the measured round (same for every side's round of the same turn), -1 in warm-up. */
  index: number;
}

export type RoundId = SideRound<Side>;

export interface AlternatingRounds<T> {
  subject: T[];
  baseline: T[];
}

/** Each side's measured rounds, in order: the `index`-th entries of all sides were measured in one turn. */
export type RotatingRounds<S extends string, T> = Record<S, T[]>;

/**
 * Warm-up rounds (discarded), then measured rounds in pairs whose order alternates (S B, B S, S B…), so
 * load from other processes on the shared machine falls on both sides alike and a drift over the run
 * cancels out in the per-pair ratios.
 */
export async function runAlternatingRounds<T>(
  plan: HttpPlan,
  runRound: (round: RoundId) => Promise<T>,
): Promise<AlternatingRounds<T>> {
  const rounds = await runRotatingRounds(plan, ['subject', 'baseline'] as const, runRound);
  return { subject: rounds.subject, baseline: rounds.baseline };
}

/**
 * The same for any number of sides: warm-up rounds (each side in turn, discarded), then measured turns of
 * one round per side whose order rotates (A B C, B C A, C A B…; with two sides S B, B S as above), so that
 * every side runs first, in the middle and last in turn and the load of the shared machine falls on all
 * alike.
 */
export async function runRotatingRounds<S extends string, T>(
  plan: HttpPlan,
  sides: readonly S[],
  runRound: (round: SideRound<S>) => Promise<T>,
): Promise<RotatingRounds<S, T>> {
  for (let w = 0; w < plan.warmupRounds; w++) {
    for (const side of sides) await runRound({ side, label: `w${w}`, warmup: true, index: -1 });
  }
  const measured = Object.fromEntries(sides.map((side) => [side, [] as T[]])) as RotatingRounds<S, T>;
  for (let index = 0; index < plan.rounds; index++) {
    const shift = index % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    for (const side of order) {
      measured[side].push(await runRound({ side, label: String(index), warmup: false, index }));
    }
  }
  return measured;
}

/** Per-pair ratios subject/baseline of a figure. */
export function pairedRatios<T>(rounds: AlternatingRounds<T>, figure: (round: T) => number): number[] {
  return roundRatios(rounds.subject, rounds.baseline, figure);
}

/** Per-turn ratios of a figure between two sides of the same (alternating or rotating) rounds. */
export function roundRatios<T>(
  subject: readonly T[],
  reference: readonly T[],
  figure: (round: T) => number,
): number[] {
  return perTurn(subject, reference, figure, (s, r) => s / r);
}

/** Per-turn differences (subject − reference) of a figure, as {@link roundRatios}. */
export function roundDifferences<T>(
  subject: readonly T[],
  reference: readonly T[],
  figure: (round: T) => number,
): number[] {
  return perTurn(subject, reference, figure, (s, r) => s - r);
}

function perTurn<T>(
  subject: readonly T[],
  reference: readonly T[],
  figure: (round: T) => number,
  combine: (subject: number, reference: number) => number,
): number[] {
  return subject.map((s, i) => {
    const r = reference[i];
    return r === undefined ? Number.NaN : combine(figure(s), figure(r));
  });
}
