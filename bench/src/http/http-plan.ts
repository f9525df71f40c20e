import { BenchContext } from '../bench-row.interface';

/** How an HTTP row is run; derived from the shared options so `--rounds` / `--warmup` still steer it. */
export interface HttpPlan {
  /** Discarded rounds per side (JIT, connection pools, SQLite page cache). */
  warmupRounds: number;
  /** Measured rounds per side, subject and baseline alternating. */
  rounds: number;
  /** Length of a measured duration-bound round. */
  roundS: number;
  /** Length of a warm-up round: longer, because the service's JIT needs more requests than bare Fastify. */
  warmupS: number;
  /** autocannon keep-alive connections. */
  connections: number;
}

// The default 15 rounds suit 200 ms in-process rounds; HTTP rounds are capped at 5 measured rounds and one
// warm-up round per side. 2 s rounds (3 s until 2026-12-04) and a 4 s warm-up (5 s): a whole `--check` run must
// stay under 15 minutes (issue 21), and the rows on these rounds (floor and admin GET with 3 sides, mint with 2)
// run up to twice. A 2 s round still holds 5,000-80,000 requests at these rates; its CPU per request moves with
// the machine's load, not with the round's length (bench/README.md, the runs of 2026-12-04).
const MIN_ROUNDS = 3;
const MAX_ROUNDS = 5;

export function httpPlan(ctx: BenchContext): HttpPlan {
  return {
    warmupRounds: Math.min(ctx.warmupRounds, 1),
    rounds: Math.max(MIN_ROUNDS, Math.min(ctx.rounds, MAX_ROUNDS)),
    roundS: 2,
    warmupS: 4,
    connections: 50,
  };
}
