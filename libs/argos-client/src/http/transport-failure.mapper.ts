import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { Retryability } from '../resilience/retry.policy';
import { ArgosFailure, BreakerVerdict } from './argos-failure.interface';
import { TransportFailureKind } from './argos-transport.error';

/** How one kind of transport failure is reported, retried and counted by the breaker. */
interface TransportFailureRow {
  readonly code: ArgosErrorCode;
  readonly message: (operation: ArgosOperation) => string;
  readonly retryability: Retryability;
  readonly breaker: BreakerVerdict;
}

/**
 * Only failures that prove nothing was sent (refused, connect timeout, DNS) are retryable for POST; the
 * others may have reached Argos. The `Record` type makes a new {@link TransportFailureKind} a compile error
 * here until it has a row.
 */
const TRANSPORT_FAILURES: Readonly<Record<Exclude<TransportFailureKind, 'aborted'>, TransportFailureRow>> = {
  refused: {
    code: ArgosErrorCode.UNAVAILABLE,
    message: m.refused,
    retryability: 'always',
    breaker: 'failure',
  },
  'connect-timeout': {
    code: ArgosErrorCode.TIMEOUT,
    message: m.connectTimeout,
    retryability: 'always',
    breaker: 'failure',
  },
  dns: { code: ArgosErrorCode.UNAVAILABLE, message: m.dns, retryability: 'always', breaker: 'failure' },
  reset: {
    code: ArgosErrorCode.UNAVAILABLE,
    message: m.reset,
    retryability: 'idempotent',
    breaker: 'failure',
  },
  timeout: {
    code: ArgosErrorCode.TIMEOUT,
    message: m.osTimeout,
    retryability: 'idempotent',
    breaker: 'failure',
  },
  'too-large': {
    code: ArgosErrorCode.BAD_RESPONSE,
    message: m.responseTooLarge,
    retryability: 'never',
    breaker: 'healthy',
  },
  network: {
    code: ArgosErrorCode.UNAVAILABLE,
    message: m.network,
    retryability: 'idempotent',
    breaker: 'failure',
  },
};

/**
 * Maps an attempt that got no response from the transport (see {@link TRANSPORT_FAILURES}).
 * 'aborted' is resolved by the executor (timeout or caller) and never reaches this function.
 */
export function mapTransportFailure(
  operation: ArgosOperation,
  kind: Exclude<TransportFailureKind, 'aborted'>,
): ArgosFailure {
  const { code, message, retryability, breaker } = TRANSPORT_FAILURES[kind];
  return { code, message: message(operation), retryability, breaker };
}

/** The caller's AbortSignal fired: never retried, says nothing about Argos' health. */
export function abortedFailure(operation: ArgosOperation): ArgosFailure {
  return {
    code: ArgosErrorCode.ABORTED,
    message: m.aborted(operation),
    retryability: 'never',
    breaker: 'neutral',
  };
}

/** Our own timer ended the attempt: the per-attempt timeout, or the overall deadline when that came first. */
export function timeoutFailure(
  operation: ArgosOperation,
  budgetMs: number,
  byDeadline: boolean,
): ArgosFailure {
  const message = byDeadline ? m.deadline(operation) : m.attemptTimeout(operation, budgetMs);
  return { code: ArgosErrorCode.TIMEOUT, message, retryability: 'idempotent', breaker: 'failure' };
}

/** Failing fast on an open circuit; `retryAfterMs` is the time left until it half-opens. */
export function circuitOpenFailure(operation: ArgosOperation, retryAfterMs: number): ArgosFailure {
  const message = m.circuitOpen(operation);
  return {
    code: ArgosErrorCode.UNAVAILABLE,
    message,
    retryability: 'never',
    breaker: 'neutral',
    retryAfterMs,
  };
}
