import { ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import { DomainError, DomainErrorKind } from '@faceauth/core';

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * What an Argos failure means to a caller of our API. Vendor 400 → 422 with the vendor's code; an IP or
 * key problem is ours to fix (502 with an operator-actionable code — never a 401/403 that the caller
 * would take for its own credentials); 413 → 413; vendor faults, timeouts, an open circuit → 503 with
 * Retry-After.
 */
export function argosFailureToDomainError(error: ArgosClientError): DomainError {
  const vendor = error.vendorCode ? ` (Argos code: ${error.vendorCode})` : '';
  switch (error.code) {
    case ArgosErrorCode.BAD_REQUEST:
      return new DomainError(
        error.code,
        DomainErrorKind.UNPROCESSABLE,
        `Argos refused the request${vendor}`,
        {
          vendorCode: error.vendorCode,
        },
      );
    case ArgosErrorCode.INVALID_INPUT:
      return new DomainError(error.code, DomainErrorKind.INVALID, error.message);
    case ArgosErrorCode.NOT_FOUND:
      return new DomainError(
        error.code,
        DomainErrorKind.NOT_FOUND,
        'Argos has no FaceAuth record with this id',
      );
    case ArgosErrorCode.IP_NOT_ALLOWED:
      return new DomainError(
        error.code,
        DomainErrorKind.UPSTREAM_MISCONFIGURED,
        "Argos denied this server's IP address: add it to the project's API IP whitelist",
      );
    case ArgosErrorCode.INVALID_API_KEY:
      return new DomainError(
        error.code,
        DomainErrorKind.UPSTREAM_MISCONFIGURED,
        'Argos rejected the configured Add-on API key: check the FaceAuth project key',
      );
    case ArgosErrorCode.PAYLOAD_TOO_LARGE:
    case ArgosErrorCode.IMAGE_TOO_LARGE:
      return new DomainError(
        error.code,
        DomainErrorKind.TOO_LARGE,
        'The image is too large for Argos: send a smaller one',
      );
    case ArgosErrorCode.RATE_LIMITED:
    case ArgosErrorCode.ABORTED:
    case ArgosErrorCode.SERVER_ERROR:
    case ArgosErrorCode.BAD_GATEWAY:
    case ArgosErrorCode.TIMEOUT:
    case ArgosErrorCode.UNAVAILABLE:
      return new DomainError(
        error.code,
        DomainErrorKind.UNAVAILABLE,
        'Argos is unavailable right now: retry later',
        {
          retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        },
      );
    case ArgosErrorCode.BAD_RESPONSE:
      return new DomainError(
        error.code,
        DomainErrorKind.UPSTREAM_FAILURE,
        'Argos sent an answer this service cannot read',
      );
    default: {
      const unreachable: never = error.code;
      throw new Error(`Unmapped Argos error code ${String(unreachable)}`);
    }
  }
}
