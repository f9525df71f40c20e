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

// The default 15 rounds suit 200 ms in-process rounds; 3 s HTTP rounds × 2 sides × 6 rows (plus server
// start-up and the webhook drains) must stay well inside the 10-minute budget of `npm run bench`, hence
// 3 to 5 measured rounds and one warm-up round.
const MIN_ROUNDS = 3;
const MAX_ROUNDS = 5;

export function httpPlan(ctx: BenchContext): HttpPlan {
  return {
    warmupRounds: Math.min(ctx.warmupRounds, 1),
    rounds: Math.max(MIN_ROUNDS, Math.min(ctx.rounds, MAX_ROUNDS)),
    roundS: 3,
    warmupS: 5,
    connections: 50,
  };
}
