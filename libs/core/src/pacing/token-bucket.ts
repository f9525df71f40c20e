/** Time source and sleep of a {@link TokenBucket}; tests pass fake ones. */
export interface BucketTimer {
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: BucketTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket: after an idle period at most `burst` takes go through at once, and while takers queue
 * (in arrival order) the k-th take after the first is never granted before `k / rate` seconds: the long-run
 * rate never exceeds `rate`. A waiter woken late by the event loop keeps the lateness as credit, so timer
 * jitter does not drag the rate below the cap either. `debit` charges extra calls made on the caller's
 * behalf (retries inside a client call); the balance may go negative, which delays the next takers.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly timer: BucketTimer = realTimer,
  ) {
    this.tokens = burst;
    this.last = timer.now();
  }

  /** Resolves when one call may be made. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  debit(calls: number): void {
    if (calls <= 0) return;
    this.refill();
    this.tokens -= calls;
  }

  private async waitForToken(): Promise<void> {
    let waited = false;
    for (;;) {
      this.refill(waited);
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.timer.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)));
      waited = true;
    }
  }

  /** Idle time refills up to `burst`; time spent waiting for a token is credited in full (up to one more). */
  private refill(waiting = false): void {
    const now = this.timer.now();
    const cap = waiting ? this.burst + 1 : this.burst;
    this.tokens = Math.min(
      Math.max(cap, this.tokens),
      this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
    );
    this.last = now;
  }
}
