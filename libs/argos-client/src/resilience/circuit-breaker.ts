/** Public view of a breaker. */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerSettings {
  readonly failureThreshold: number;
  readonly resetAfterMs: number;
}

/** Proof that a call was let through; hand it back with the outcome. */
export interface BreakerPermit {
  /** True for the single trial call of a half-open circuit. */
  readonly trial: boolean;
}

/** How an attempt ended, from the breaker's point of view. */
export type BreakerOutcome = 'success' | 'failure' | 'neutral';

/**
 * Consecutive-failure circuit breaker with an injected clock.
 *
 * Closed: calls pass; `failureThreshold` consecutive failures open it. Open: calls fail fast until
 * `resetAfterMs` has passed, then it is half-open and lets exactly one trial through; the trial's
 * success closes it, its failure re-opens it for another `resetAfterMs`. A "neutral" outcome (caller
 * abort) only releases the trial slot. What counts as a failure is the caller's business (5xx,
 * timeouts, connection errors; a 4xx proves Argos is up and counts as success).
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly settings: CircuitBreakerSettings,
    private readonly now: () => number,
    private readonly onStateChange: (state: CircuitState) => void = () => undefined,
  ) {}

  state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.settings.resetAfterMs ? 'half-open' : 'open';
  }

  /** Milliseconds until an open circuit half-opens (0 when not open). */
  msUntilHalfOpen(): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.openedAt + this.settings.resetAfterMs - this.now());
  }

  /** A permit when the call may go out, undefined when it must fail fast. */
  tryAcquire(): BreakerPermit | undefined {
    const state = this.state();
    if (state === 'closed') return { trial: false };
    if (state === 'open' || this.trialInFlight) return undefined;
    this.trialInFlight = true;
    return { trial: true };
  }

  record(permit: BreakerPermit, outcome: BreakerOutcome): void {
    if (permit.trial) this.trialInFlight = false;
    if (outcome === 'neutral') return;
    if (outcome === 'success') {
      this.consecutiveFailures = 0;
      if (this.openedAt !== undefined) {
        this.openedAt = undefined;
        this.onStateChange('closed');
      }
      return;
    }
    this.consecutiveFailures += 1;
    // A failed trial re-opens at once; late failures of calls let through while closed do not extend an open window.
    if (
      permit.trial ||
      (this.openedAt === undefined && this.consecutiveFailures >= this.settings.failureThreshold)
    ) {
      this.openedAt = this.now();
      this.onStateChange('open');
    }
  }
}
