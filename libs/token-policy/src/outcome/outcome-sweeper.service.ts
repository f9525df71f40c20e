import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { TokenRepository } from '../persistence/token.repository';
import { InjectTokenPolicyOptions, ResolvedTokenPolicyOptions } from '../token-policy.options';
import { outcomeOf } from './link-outcome';
import { OutcomePublisher } from './outcome-publisher';
import { OutcomeWatch } from './outcome-watch.service';

/**
 * Records the outcome of links that stopped being usable with no decision: `expired` (or `rejected`, for a
 * window that closed after rejections only), computed by `outcomeOf` exactly as a read shows it, stored
 * once (conditional on `pending`) together with its announcement, a signed `faceauth.link.expired` /
 * `.rejected` written to the outbox in the same atomic unit (so that a crash cannot keep one without the
 * other), and any long poll on the link answered.
 */
@Injectable()
export class OutcomeSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutcomeSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly tokens: TokenRepository,
    private readonly watch: OutcomeWatch,
    private readonly clock: Clock,
    private readonly outcomes: OutcomePublisher,
    @InjectTokenPolicyOptions() private readonly options: ResolvedTokenPolicyOptions,
  ) {}

  onApplicationBootstrap(): void {
    const { enabled, intervalMs } = this.options.outcomeSweep;
    if (!enabled) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass: decides every link due now, batch after batch. Returns how many this pass decided. */
  async sweep(): Promise<number> {
    const { batchSize } = this.options.outcomeSweep;
    let decided = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.tokens.expiredPending(now, batchSize);
      const announcement = await this.outcomes.prepare();
      for (const row of due) {
        // The outcome and its announcement (outbox) commit together.
        const recorded = await this.tokens
          .decide(row.id, outcomeOf(row, now), (d) => announcement.steps(d, null, now))
          .catch((error: unknown) => {
            announcement.discarded();
            throw error;
          });
        if (!recorded) continue; // decided meanwhile (a result, a revocation, another instance)
        decided++;
        this.watch.notify(row.id);
        await announcement.committed();
      }
      if (due.length < batchSize) return decided;
    }
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep();
    try {
      const n = await this.running;
      if (n > 0) this.logger.debug(`${n} link outcome(s) recorded as expired or rejected`);
    } catch {
      // The database is unavailable: the next pass retries (decisions are idempotent).
      this.logger.warn('Outcome sweep failed; retrying at the next interval');
    } finally {
      this.running = null;
    }
  }
}
