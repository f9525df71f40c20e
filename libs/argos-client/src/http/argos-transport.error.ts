/** Why an attempt got no HTTP response. */
export type TransportFailureKind =
  /** ECONNREFUSED: nothing was sent. */
  | 'refused'
  /** The TCP/TLS connection was not up within `connectMs`: nothing was sent. */
  | 'connect-timeout'
  /** The host name did not resolve or the network is unreachable: nothing was sent. */
  | 'dns'
  /** ECONNRESET, EPIPE, socket hang up: the request may have reached Argos. */
  | 'reset'
  /** The OS reported ETIMEDOUT on an established connection. */
  | 'timeout'
  /** The response body exceeded `maxResponseBytes`. */
  | 'too-large'
  /** The attempt's signal fired (the executor knows whether it was a timeout or the caller). */
  | 'aborted'
  | 'network';

/** Thrown by an {@link ArgosTransport}; deliberately carries no cause (an axios error holds the API key). */
export class ArgosTransportError extends Error {
  constructor(readonly kind: TransportFailureKind) {
    super(`Argos transport failure: ${kind}`);
    this.name = 'ArgosTransportError';
  }
}
