/** HTTP methods the Add-on API uses. */
export type ArgosHttpMethod = 'GET' | 'POST' | 'DELETE';

/** One attempt, as the executor hands it to a transport. */
export interface ArgosHttpRequest {
  readonly method: ArgosHttpMethod;
  /** Path below the base URL, e.g. `/faceauth/image`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: FormData;
  /** Aborts this attempt: per-attempt timeout, overall deadline or the caller's signal. */
  readonly signal: AbortSignal;
}

/** Any completed HTTP exchange, whatever its status; the body is fully read. */
export interface ArgosHttpResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * One HTTP exchange with Argos. Retries, timeouts, the breaker and error mapping live above it, so a
 * test or an alternative HTTP stack only implements this. `send` rejects with an
 * {@link ArgosTransportError} when no response was received.
 */
export interface ArgosTransport {
  send(request: ArgosHttpRequest): Promise<ArgosHttpResponse>;
  /** Releases pooled sockets; called on module shutdown. */
  close(): void;
}
