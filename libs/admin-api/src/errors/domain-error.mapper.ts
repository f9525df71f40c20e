import { HttpStatus } from '@nestjs/common';
import { DomainErrorKind } from '@faceauth/core';

/** The one place where a transport-independent error kind becomes an HTTP status. */
export function statusForKind(kind: DomainErrorKind): number {
  switch (kind) {
    case DomainErrorKind.INVALID:
      return HttpStatus.BAD_REQUEST;
    case DomainErrorKind.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case DomainErrorKind.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case DomainErrorKind.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case DomainErrorKind.CONFLICT:
      return HttpStatus.CONFLICT;
    case DomainErrorKind.GONE:
      return HttpStatus.GONE;
    case DomainErrorKind.TOO_LARGE:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case DomainErrorKind.UNPROCESSABLE:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case DomainErrorKind.UPSTREAM_MISCONFIGURED:
    case DomainErrorKind.UPSTREAM_FAILURE:
      return HttpStatus.BAD_GATEWAY;
    case DomainErrorKind.UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unreachable: never = kind;
      throw new Error(`Unmapped error kind ${String(unreachable)}`);
    }
  }
}

/** The codes of framework errors (routing, body parsing, rate limiting), by HTTP status. */
export const CODES_BY_STATUS = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
} as const satisfies Readonly<Record<number, string>>;

/** A framework 5xx (the message is generic). */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';
/** A framework 4xx whose status has no code of its own. */
export const REQUEST_REJECTED = 'REQUEST_REJECTED';

/** A code for errors raised by the framework rather than by our domain (routing, body parsing). */
export function codeForStatus(status: number): string {
  const byStatus: Readonly<Record<number, string>> = CODES_BY_STATUS;
  return byStatus[status] ?? (status >= 500 ? INTERNAL_ERROR : REQUEST_REJECTED);
}
