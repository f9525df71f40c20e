import { BareClaimedRow, BareProcessedRow, BareStore } from './bare-store';

export interface BareProcessorSettings {
  store: BareStore;
  /** Argos's Add-on API base (the bench's fake Argos), as `ARGOS_API_BASE_URL`. */
  argosBaseUrl: string;
  apiKey: string;
  /** The service's defaults (webhook.options.ts): rows per claim, fetches at once, lease. */
  batchSize: number;
  concurrency: number;
  leaseMs: number;
}

interface LookupAnswer {
  data?: {
    auth_id?: unknown;
    auth_status?: unknown;
    create_time?: unknown;
    submit_type?: unknown;
    kyc_submission_id?: unknown;
    result?: unknown;
  }[];
}

/** Coalesces a burst of intake kicks into one drain, as the service's processor does. */
const KICK_DELAY_MS = 5;

/**
 * The end-to-end baseline's processing, written by hand: claim a batch of the twin inbox (the service's
 * claim statement), fetch each row's record from Argos (`GET /faceauth?authId=`, `x-api-key`), then one
 * transaction upserting the results and marking the rows done. Nothing else: no retries with backoff, no
 * identity or link resolution, no events, no metrics. A failure stops the drain and is printed; the bench's
 * audit then finds the rows unprocessed.
 */
export class BareProcessor {
  private draining: Promise<void> | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  private again = false;

  constructor(private readonly settings: BareProcessorSettings) {}

  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.scheduled ??= setTimeout(() => {
      this.scheduled = null;
      this.draining = this.drain()
        .catch((error: unknown) => {
          process.stderr.write(
            `bench bare processor: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        })
        .finally(() => {
          this.draining = null;
          if (this.again) {
            this.again = false;
            this.kick();
          }
        });
    }, KICK_DELAY_MS);
  }

  private async drain(): Promise<void> {
    const { store, batchSize, concurrency, leaseMs } = this.settings;
    for (;;) {
      const now = Date.now();
      const batch = await store.claimInbox(now, now + leaseMs, batchSize);
      if (batch.length === 0) return;
      const processed: BareProcessedRow[] = [];
      for (let i = 0; i < batch.length; i += concurrency) {
        processed.push(
          ...(await Promise.all(batch.slice(i, i + concurrency).map((row) => this.lookup(row)))),
        );
      }
      await store.writeProcessed(processed, Date.now());
    }
  }

  private async lookup(row: BareClaimedRow): Promise<BareProcessedRow> {
    const { argosBaseUrl, apiKey } = this.settings;
    const response = await fetch(`${argosBaseUrl}/faceauth?authId=${encodeURIComponent(row.authId)}`, {
      headers: { 'x-api-key': apiKey },
    });
    if (response.status !== 200) throw new Error(`Argos answered ${response.status} for ${row.authId}`);
    const pages = (await response.json()) as LookupAnswer[];
    const record = pages.flatMap((page) => page.data ?? []).find((r) => r.auth_id === row.authId);
    if (!record || typeof record.auth_status !== 'string')
      throw new Error(`Argos has no record ${row.authId}`);
    const created = typeof record.create_time === 'string' ? Date.parse(record.create_time) : NaN;
    return {
      row,
      status: record.auth_status,
      submissionId: typeof record.kyc_submission_id === 'string' ? record.kyc_submission_id : null,
      submitType: typeof record.submit_type === 'string' ? record.submit_type : null,
      scores: record.result && typeof record.result === 'object' ? JSON.stringify(record.result) : null,
      createdAt: Number.isNaN(created) ? Date.now() : created,
    };
  }
}
