import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum RetentionErrorCode {
  /** Another instance (or another request) holds the cleanup lock. */
  CLEANUP_RUN_IN_PROGRESS = 'CLEANUP_RUN_IN_PROGRESS',
  /** A legal hold cannot be placed: the result's biometric data is already deleted. */
  RESULT_ALREADY_DELETED = 'RESULT_ALREADY_DELETED',
  /** A legal hold cannot be placed while a worker is deleting the result. */
  RESULT_DELETION_IN_PROGRESS = 'RESULT_DELETION_IN_PROGRESS',
}

const KINDS: Record<RetentionErrorCode, DomainErrorKind> = {
  [RetentionErrorCode.CLEANUP_RUN_IN_PROGRESS]: DomainErrorKind.CONFLICT,
  [RetentionErrorCode.RESULT_ALREADY_DELETED]: DomainErrorKind.CONFLICT,
  [RetentionErrorCode.RESULT_DELETION_IN_PROGRESS]: DomainErrorKind.CONFLICT,
};

export class RetentionError extends DomainError<RetentionErrorCode> {
  constructor(code: RetentionErrorCode, message: string) {
    super(code, KINDS[code], message);
  }
}

export const retentionMessages = {
  runInProgress: (): string =>
    'A cleanup run is in progress on another instance; try again when it has finished',
  alreadyDeleted: (authId: string): string =>
    `Result ${authId} is already deleted: there is nothing left to hold`,
  deletionInProgress: (authId: string): string =>
    `Result ${authId} is being deleted right now; a legal hold can no longer stop it`,
};
