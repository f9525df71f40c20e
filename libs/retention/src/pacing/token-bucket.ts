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
 * A token bucket that never lets more than `burst + rate × t` takes through in any window of length t.
 * Takers wait in arrival order. `debit` charges extra calls made on the caller's behalf (retries inside
 * a client call); the balance may go negative, which delays the next takers.
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
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.timer.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)));
    }
  }

  private refill(): void {
    const now = this.timer.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }
}
