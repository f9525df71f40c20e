import { HttpPlan } from './http-plan';

export type Side = 'subject' | 'baseline';

export interface RoundId {
  side: Side;
  /** `w0`… for warm-up rounds, `0`, `1`… for measured ones; unique within a row (used in ids). */
  label: string;
  warmup: boolean;
  /** Index of the measured round (same for the paired subject and baseline rounds), -1 in warm-up. */
  index: number;
}

export interface AlternatingRounds<T> {
  subject: T[];
  baseline: T[];
}

/**
 * Warm-up rounds (discarded), then measured rounds in pairs whose order alternates (S B, B S, S B…), so
 * load from other processes on the shared machine falls on both sides alike and a drift over the run
 * cancels out in the per-pair ratios.
 */
export async function runAlternatingRounds<T>(
  plan: HttpPlan,
  runRound: (round: RoundId) => Promise<T>,
): Promise<AlternatingRounds<T>> {
  for (let w = 0; w < plan.warmupRounds; w++) {
    await runRound({ side: 'subject', label: `w${w}`, warmup: true, index: -1 });
    await runRound({ side: 'baseline', label: `w${w}`, warmup: true, index: -1 });
  }
  const subject: T[] = [];
  const baseline: T[] = [];
  for (let index = 0; index < plan.rounds; index++) {
    const order: Side[] = index % 2 === 0 ? ['subject', 'baseline'] : ['baseline', 'subject'];
    for (const side of order) {
      const result = await runRound({ side, label: String(index), warmup: false, index });
      (side === 'subject' ? subject : baseline).push(result);
    }
  }
  return { subject, baseline };
}

/** Per-pair ratios subject/baseline of a figure. */
export function pairedRatios<T>(rounds: AlternatingRounds<T>, figure: (round: T) => number): number[] {
  return rounds.subject.map((s, i) => {
    const b = rounds.baseline[i];
    return b === undefined ? Number.NaN : figure(s) / figure(b);
  });
}
