import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { TransportFailureKind } from './argos-transport.error';
import { mapTransportFailure } from './transport-failure.mapper';

describe('mapTransportFailure', () => {
  it.each<[Exclude<TransportFailureKind, 'aborted'>, ArgosErrorCode, string, string, string]>([
    [
      'refused',
      ArgosErrorCode.UNAVAILABLE,
      'always',
      'failure',
      'Argos refused the connection for getResult (ECONNREFUSED)',
    ],
    [
      'connect-timeout',
      ArgosErrorCode.TIMEOUT,
      'always',
      'failure',
      'Could not connect to Argos for getResult within the connect timeout',
    ],
    [
      'dns',
      ArgosErrorCode.UNAVAILABLE,
      'always',
      'failure',
      'Could not resolve or reach the Argos host for getResult',
    ],
    [
      'reset',
      ArgosErrorCode.UNAVAILABLE,
      'idempotent',
      'failure',
      'The connection to Argos was reset during getResult',
    ],
    [
      'timeout',
      ArgosErrorCode.TIMEOUT,
      'idempotent',
      'failure',
      'The connection to Argos timed out during getResult (ETIMEDOUT)',
    ],
    [
      'too-large',
      ArgosErrorCode.BAD_RESPONSE,
      'never',
      'healthy',
      "Argos' answer to getResult exceeds maxResponseBytes",
    ],
    [
      'network',
      ArgosErrorCode.UNAVAILABLE,
      'idempotent',
      'failure',
      'Network error while calling Argos for getResult',
    ],
  ])('%s → %s, retry %s, breaker %s', (kind, code, retryability, breaker, message) => {
    expect(mapTransportFailure('getResult', kind)).toEqual({ code, message, retryability, breaker });
  });
});
