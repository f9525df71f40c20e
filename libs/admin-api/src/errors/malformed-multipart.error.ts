import { DomainError, DomainErrorKind } from '@faceauth/core';
import { AdminApiErrorCode } from './admin-api-error-code';

/**
 * A `multipart/form-data` body that cannot be read as one: no usable boundary, a part cut short, a body
 * that ended (or whose connection broke) before its closing boundary. 400, never a 500 or a crash.
 */
export class MalformedMultipartError extends DomainError<typeof AdminApiErrorCode.MALFORMED_MULTIPART> {
  private constructor(message: string) {
    super(AdminApiErrorCode.MALFORMED_MULTIPART, DomainErrorKind.INVALID, message);
  }

  static missingBoundary(): MalformedMultipartError {
    return new MalformedMultipartError('the multipart/form-data boundary is missing or unusable');
  }

  static malformed(): MalformedMultipartError {
    return new MalformedMultipartError('the multipart/form-data body is malformed');
  }

  static endedEarly(): MalformedMultipartError {
    return new MalformedMultipartError('the multipart/form-data body ended before its closing boundary');
  }
}
