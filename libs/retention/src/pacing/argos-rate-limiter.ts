import { Injectable } from '@nestjs/common';
import { InjectRetentionOptions, ResolvedRetentionOptions } from '../retention.options';
import { TokenBucket } from '@faceauth/core';

/** The cap on cleanup's calls to Argos (one bucket per process; runs are serialised by the cleanup lock). */
@Injectable()
export class ArgosRateLimiter {
  private readonly bucket: TokenBucket;

  constructor(@InjectRetentionOptions() options: ResolvedRetentionOptions) {
    this.bucket = new TokenBucket(options.argos.ratePerSecond, options.argos.burst);
  }

  /** Waits for the right to make one call. */
  acquire(): Promise<void> {
    return this.bucket.take();
  }

  /** Charges the HTTP attempts a failed call made beyond its first (the client's own retries). */
  chargeRetries(attempts: number): void {
    this.bucket.debit(attempts - 1);
  }
}
