import { argosMessages as m } from '../errors/argos-client-error.messages';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { ArgosOperation } from '../errors/argos-operation.type';
import { ArgosFailure } from './argos-failure.interface';
import { TransportFailureKind } from './argos-transport.error';

/**
 * Maps an attempt that got no response. Only failures that prove nothing was sent (refused,
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
