import { ArgosTransportError, TransportFailureKind } from './argos-transport.error';
import { CONNECT_TIMEOUT_CODE } from './connect-timeout.agent';

const KIND_BY_CODE: Readonly<Record<string, TransportFailureKind>> = {
  ECONNREFUSED: 'refused',
  [CONNECT_TIMEOUT_CODE]: 'connect-timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EHOSTUNREACH: 'dns',
  ENETUNREACH: 'dns',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'reset',
  ETIMEDOUT: 'timeout',
  ERR_CANCELED: 'aborted',
};

/**
 * Maps whatever the HTTP stack threw to a {@link TransportFailureKind}. Looks at the error and its
 * causes, because axios wraps the socket error and keeps the original code only sometimes. Reads codes and
 * messages only, never `instanceof AxiosError`, so it holds whichever axios build threw.
 */
export function classifyTransportError(error: unknown, signal: AbortSignal): ArgosTransportError {
  if (signal.aborted) return new ArgosTransportError('aborted');
  for (
    let current: unknown = error, depth = 0;
    isErrorLike(current) && depth < 4;
    current = current.cause, depth += 1
  ) {
    if (typeof current.message === 'string' && /maxContentLength/i.test(current.message))
      return new ArgosTransportError('too-large');
    const kind = typeof current.code === 'string' ? KIND_BY_CODE[current.code] : undefined;
    if (kind !== undefined) return new ArgosTransportError(kind);
    if (typeof current.message === 'string' && /socket hang up/i.test(current.message))
      return new ArgosTransportError('reset');
  }
  return new ArgosTransportError('network');
}

function isErrorLike(value: unknown): value is { code?: unknown; message?: unknown; cause?: unknown } {
  return typeof value === 'object' && value !== null;
}
