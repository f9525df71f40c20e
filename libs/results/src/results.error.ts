import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum ResultErrorCode {
  RESULT_NOT_FOUND = 'RESULT_NOT_FOUND',
  INVALID_IMAGE = 'INVALID_IMAGE',
  IMAGE_TOO_LARGE = 'IMAGE_TOO_LARGE',
  RESULT_UNDER_LEGAL_HOLD = 'RESULT_UNDER_LEGAL_HOLD',
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
}

const KINDS: Record<ResultErrorCode, DomainErrorKind> = {
  [ResultErrorCode.RESULT_NOT_FOUND]: DomainErrorKind.NOT_FOUND,
  [ResultErrorCode.INVALID_IMAGE]: DomainErrorKind.INVALID,
  [ResultErrorCode.IMAGE_TOO_LARGE]: DomainErrorKind.TOO_LARGE,
  [ResultErrorCode.RESULT_UNDER_LEGAL_HOLD]: DomainErrorKind.CONFLICT,
  [ResultErrorCode.UNKNOWN_PROJECT]: DomainErrorKind.INVALID,
};

export class ResultError extends DomainError<ResultErrorCode> {
  constructor(code: ResultErrorCode, message: string) {
    super(code, KINDS[code], message);
  }
}
