import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum NotificationErrorCode {
  ENDPOINT_NOT_FOUND = 'ENDPOINT_NOT_FOUND',
  DELIVERY_NOT_FOUND = 'DELIVERY_NOT_FOUND',
  INVALID_ENDPOINT = 'INVALID_ENDPOINT',
  UNKNOWN_EVENT_TYPE = 'UNKNOWN_EVENT_TYPE',
  DELIVERY_IN_PROGRESS = 'DELIVERY_IN_PROGRESS',
  CONCURRENT_ROTATION = 'CONCURRENT_ROTATION',
}

const KIND: Record<NotificationErrorCode, DomainErrorKind> = {
  ENDPOINT_NOT_FOUND: DomainErrorKind.NOT_FOUND,
  DELIVERY_NOT_FOUND: DomainErrorKind.NOT_FOUND,
  INVALID_ENDPOINT: DomainErrorKind.INVALID,
  UNKNOWN_EVENT_TYPE: DomainErrorKind.INVALID,
  DELIVERY_IN_PROGRESS: DomainErrorKind.CONFLICT,
  CONCURRENT_ROTATION: DomainErrorKind.CONFLICT,
};

/** A refusal of the notifications API; messages never quote a secret. */
export class NotificationError extends DomainError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
