import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { TokenRepository } from '../persistence/token.repository';

/** How often the waited links' stored outcomes are read while anyone waits (decisions in other instances). */
export const OUTCOME_POLL_INTERVAL_MS = 500;
/** Ids per look-up: one statement text per list length up to this bound. */
export const OUTCOME_POLL_CHUNK = 100;

type Wake = () => void;

/**
 * Waiting for link outcomes without holding database connections: a waiter is a promise and a timer. A
 * decision made in this process wakes its waiters at once ({@link notify}); a decision made by another
 * instance is found by one shared look-up every {@link OUTCOME_POLL_INTERVAL_MS} (ids in chunks of
 * {@link OUTCOME_POLL_CHUNK}), whatever the number of waiters, and only while someone waits. On shutdown
 * every waiter is woken, so that no request holds the server open.
 */
@Injectable()
export class OutcomeWatch implements OnModuleDestroy {
  private readonly waiters = new Map<string, Set<Wake>>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private closed = false;

  constructor(private readonly tokens: TokenRepository) {}

  /** How many requests wait now (for metrics and tests). */
  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /**
   * Resolves when link `id`'s stored outcome is decided (here or elsewhere), after `ms`, when `signal`
   * aborts (the client went away) or on shutdown, whichever comes first. The caller reads the link again.
   */
  wait(id: string, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake: Wake = () => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', wake);
        const set = this.waiters.get(id);
        set?.delete(wake);
        if (set?.size === 0) this.waiters.delete(id);
        if (this.waiters.size === 0) this.stopPolling();
        resolve();
      };
      const timeout = setTimeout(wake, ms);
      signal?.addEventListener('abort', wake, { once: true });
      const set = this.waiters.get(id) ?? new Set<Wake>();
      set.add(wake);
      this.waiters.set(id, set);
      this.startPolling();
    });
  }

  /** Link `id`'s outcome was decided in this process: its waiters answer now. */
  notify(id: string): void {
    for (const wake of [...(this.waiters.get(id) ?? [])]) wake();
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const set of [...this.waiters.values()]) for (const wake of [...set]) wake();
    this.stopPolling();
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), OUTCOME_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // a slow look-up is never stacked
    this.polling = true;
    try {
      const ids = [...this.waiters.keys()];
      for (let i = 0; i < ids.length; i += OUTCOME_POLL_CHUNK) {
        const decided = await this.tokens.decidedAmong(ids.slice(i, i + OUTCOME_POLL_CHUNK));
        for (const id of decided) this.notify(id);
      }
    } catch {
      // The database is unavailable: waiters answer at their deadline with the link as it is then.
    } finally {
      this.polling = false;
    }
  }
}
