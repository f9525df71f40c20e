import { ArgosErrorCode } from './argos-error-code.enum';
import { ArgosOperation } from './argos-operation.type';

/** Everything an {@link ArgosClientError} carries besides its message. */
export interface ArgosClientErrorDetails {
  readonly code: ArgosErrorCode;
  readonly operation: ArgosOperation;
  /** HTTP attempts actually sent (0 when refused client-side or by an open circuit). */
  readonly attempts: number;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
}

/**
 * The one error type the Argos client throws for a failed call.
 *
 * Safe by construction: it never holds the API key, the image bytes, the raw vendor body or the
 * underlying axios error (whose `config` would hold the key), so `message`, `JSON.stringify` and
 * `util.inspect` can be logged as they are.
 */
export class ArgosClientError extends Error implements ArgosClientErrorDetails {
  readonly code: ArgosErrorCode;
  readonly operation: ArgosOperation;
  readonly attempts: number;
  /** HTTP status Argos answered with, when it answered. */
  declare readonly status?: number;
  /** Argos' own `errorCode` from a 4xx body, when it sent one. */
  declare readonly vendorCode?: string;
  /** Argos' `traceId` when it sent one, otherwise the `x-request-id` we sent. */
  declare readonly requestId?: string;
  /** Seconds to wait before calling again (from `Retry-After`, or until the circuit half-opens). */
  declare readonly retryAfterSeconds?: number;

  constructor(details: ArgosClientErrorDetails, message: string) {
    super(message);
    this.name = 'ArgosClientError';
    this.code = details.code;
    this.operation = details.operation;
    this.attempts = details.attempts;
    // Optional fields are `declare`d and only set when known, so inspect output has no `undefined` noise.
    if (details.status !== undefined) this.status = details.status;
    if (details.vendorCode !== undefined) this.vendorCode = details.vendorCode;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The same error with call context (attempts, request id, operation) filled in by the executor. */
  withContext(
    context: Partial<Pick<ArgosClientErrorDetails, 'attempts' | 'requestId' | 'operation' | 'status'>>,
  ): ArgosClientError {
    return new ArgosClientError({ ...this.details(), ...definedOnly(context) }, this.message);
  }

  /** The structured fields, without the stack. */
  details(): ArgosClientErrorDetails {
    return {
      code: this.code,
      operation: this.operation,
      attempts: this.attempts,
      status: this.status,
      vendorCode: this.vendorCode,
      requestId: this.requestId,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }

  /** Makes `JSON.stringify(error)` useful (Error's own `message` is not enumerable). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...definedOnly(this.details()) };
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
