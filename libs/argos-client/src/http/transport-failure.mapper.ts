import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { ArgosFailure } from './argos-failure.interface';
import { TransportFailureKind } from './argos-transport.error';

/**
 * Maps an attempt that got no response from the transport. Only failures that prove nothing was sent (refused,
 * connect timeout, DNS) are retryable for POST; the others may have reached Argos.
 * 'aborted' is resolved by the executor (timeout or caller) and never reaches this function.
 */
export function mapTransportFailure(
  operation: ArgosOperation,
  kind: Exclude<TransportFailureKind, 'aborted'>,
): ArgosFailure {
  switch (kind) {
    case 'refused':
      return {
        code: ArgosErrorCode.UNAVAILABLE,
        message: m.refused(operation),
        retryability: 'always',
        breaker: 'failure',
      };
    case 'connect-timeout':
      return {
        code: ArgosErrorCode.TIMEOUT,
        message: m.connectTimeout(operation),
        retryability: 'always',
        breaker: 'failure',
      };
    case 'dns':
      return {
        code: ArgosErrorCode.UNAVAILABLE,
        message: m.dns(operation),
        retryability: 'always',
        breaker: 'failure',
      };
    case 'reset':
      return {
        code: ArgosErrorCode.UNAVAILABLE,
        message: m.reset(operation),
        retryability: 'idempotent',
        breaker: 'failure',
      };
    case 'timeout':
      return {
        code: ArgosErrorCode.TIMEOUT,
        message: m.osTimeout(operation),
        retryability: 'idempotent',
        breaker: 'failure',
      };
    case 'too-large':
      return {
        code: ArgosErrorCode.BAD_RESPONSE,
        message: m.responseTooLarge(operation),
        retryability: 'never',
        breaker: 'healthy',
      };
    case 'network':
      return {
        code: ArgosErrorCode.UNAVAILABLE,
        message: m.network(operation),
        retryability: 'idempotent',
        breaker: 'failure',
      };
    default: {
      const unreachable: never = kind;
      throw new Error(`Unhandled transport failure kind ${String(unreachable)}`);
    }
  }
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
