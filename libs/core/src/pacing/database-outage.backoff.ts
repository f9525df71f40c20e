import { isDatabaseUnavailable } from '../persistence/database-failure.classifier';

/** Where a background loop reports an outage: Nest's `Logger` fits. */
export interface OutageLogger {
  warn(message: string): void;
  log(message: string): void;
}

export interface OutageBackoffOptions {
  /** The first pause after a failed attempt, doubled on each further failure up to `maxMs`; 0 = no pause. */
  baseMs: number;
  maxMs: number;
  /** Monotonic milliseconds; tests inject their own. Not the domain clock: a frozen test clock must not freeze the loop. */
  now?: () => number;
}

const NO_PAUSE: OutageBackoffOptions = { baseMs: 0, maxMs: 0 };

/**
 * One background loop's view of a database outage: the first failed attempt logs the outage, the next ones
 * stay quiet and space the attempts out (exponential, capped); the first attempt that reaches the database
 * again logs the end of the outage and its length. Errors that are not an outage are left to the caller.
 */
export class DatabaseOutageBackoff {
  private downSince: number | null = null;
  private failures = 0;
  private resumeAt = 0;
  private readonly now: () => number;

  constructor(
    private readonly logger: OutageLogger,
    /** What stops during the outage, e.g. "webhook processing". */
    private readonly activity: string,
    private readonly options: OutageBackoffOptions = NO_PAUSE,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether the loop should skip this tick: the database was down at the last attempt and the pause is not over. */
  get waiting(): boolean {
    return this.downSince !== null && this.now() < this.resumeAt;
  }

  /** Reports a failed attempt; true when it was a database outage (now handled), false when the caller must report it. */
  failed(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    const now = this.now();
    if (this.downSince === null) {
      this.downSince = now;
      this.logger.warn(`Database unavailable: ${this.activity} paused until it answers again`);
    }
    this.failures += 1;
    const { baseMs, maxMs } = this.options;
    this.resumeAt = now + Math.min(maxMs, baseMs * 2 ** Math.min(this.failures - 1, 30));
    return true;
  }

  /** Reports an attempt that reached the database. */
  succeeded(): void {
    if (this.downSince === null) return;
    const seconds = Math.round((this.now() - this.downSince) / 1000);
    this.downSince = null;
    this.failures = 0;
    this.resumeAt = 0;
    this.logger.log(`Database available again: ${this.activity} resumed after ${seconds} s`);
  }
}
