/**
 * What kind of failure a domain error is, independent of any transport. The HTTP layer maps kinds
 * to statuses; cron, CLI and webhook contexts read the code.
 */
export enum DomainErrorKind {
  INVALID = 'invalid',
  NOT_FOUND = 'not_found',
  CONFLICT = 'conflict',
  GONE = 'gone',
  UNAUTHENTICATED = 'unauthenticated',
  FORBIDDEN = 'forbidden',
  TOO_LARGE = 'too_large',
  UNPROCESSABLE = 'unprocessable',
  UPSTREAM_MISCONFIGURED = 'upstream_misconfigured',
  UPSTREAM_FAILURE = 'upstream_failure',
  UNAVAILABLE = 'unavailable',
}

/** Base of every domain exception of this product: a stable machine code, a kind and a safe message. */
export class DomainError<TCode extends string = string> extends Error {
  constructor(
    readonly code: TCode,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
