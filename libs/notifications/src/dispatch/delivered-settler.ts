import { DeliveredSettlement, NotificationsRepository } from '../persistence/notifications.repository';

/**
 * Settles a batch's delivered attempts in groups, each group's UPDATEs in one transaction (one commit, one WAL
 * flush on PostgreSQL) instead of one autocommit statement per delivery. A group is written once it holds
 * `groupSize` deliveries, once its first delivery has waited `maxWaitMs` (slow endpoints must not hold a
 * settled attempt until its lease runs out), and at the end of the batch. Until then the row keeps its lease,
 * and a worker that dies meanwhile leaves it to be sent again (same `webhook-id`, at least once, as before).
 * Groups are written one after another; after a failed group no other is written (their rows keep their
 * leases) and {@link finish} throws its error.
 */
export class DeliveredSettler {
  private pending: DeliveredSettlement[] = [];
  private chain: Promise<void> = Promise.resolve();
  private error: unknown = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly groupSize: number,
    private readonly maxWaitMs: number,
    /** How many of a group's deliveries this worker still held the lease of (the others were settled by none). */
    private readonly settled: (held: number) => void,
  ) {}

  add(settlement: DeliveredSettlement): void {
    this.pending.push(settlement);
    if (this.pending.length >= this.groupSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs).unref();
  }

  /** Writes what is pending and waits for every group; throws the first group's error. */
  async finish(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.error !== null) throw this.error;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    this.chain = this.chain.then(async () => {
      if (this.error !== null) return;
      try {
        this.settled(await this.repository.deliveredAll(group));
      } catch (error) {
        this.error = error;
      }
    });
  }
}
