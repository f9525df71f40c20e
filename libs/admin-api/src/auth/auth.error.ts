import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  MISSING_SCOPE = 'MISSING_SCOPE',
}

export class AuthError extends DomainError<AuthErrorCode> {
  static unauthenticated(): AuthError {
    return new AuthError(
      AuthErrorCode.UNAUTHENTICATED,
      DomainErrorKind.UNAUTHENTICATED,
      'A valid internal API key is required (Authorization: Bearer <key> or x-api-key)',
    );
  }

  static missingScope(required: readonly string[]): AuthError {
    return new AuthError(
      AuthErrorCode.MISSING_SCOPE,
      DomainErrorKind.FORBIDDEN,
      `This API key lacks the scope required here: ${required.join(', ')}`,
    );
  }
}
