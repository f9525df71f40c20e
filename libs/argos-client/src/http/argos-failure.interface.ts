import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { Retryability } from '../resilience/retry.policy';

/** How the breaker should count an attempt that did not succeed. */
export type BreakerVerdict = 'failure' | 'healthy' | 'neutral';

/**
 * One failed attempt, classified. Turned into an `ArgosClientError` (with the attempt count) only
 * when the executor gives up.
 */
export interface ArgosFailure {
  readonly code: ArgosErrorCode;
  readonly message: string;
  readonly retryability: Retryability;
  readonly breaker: BreakerVerdict;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly traceId?: string;
  readonly retryAfterMs?: number;
}
