import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum WebhookErrorCode {
  MALFORMED_PAYLOAD = 'WEBHOOK_MALFORMED_PAYLOAD',
  UNDECRYPTABLE_PAYLOAD = 'WEBHOOK_UNDECRYPTABLE_PAYLOAD',
  BAD_SECRET = 'WEBHOOK_BAD_SECRET',
  SOURCE_NOT_ALLOWED = 'WEBHOOK_SOURCE_NOT_ALLOWED',
  INBOX_ROW_NOT_FOUND = 'WEBHOOK_INBOX_ROW_NOT_FOUND',
}

const KINDS: Record<WebhookErrorCode, DomainErrorKind> = {
  [WebhookErrorCode.MALFORMED_PAYLOAD]: DomainErrorKind.INVALID,
  [WebhookErrorCode.UNDECRYPTABLE_PAYLOAD]: DomainErrorKind.INVALID,
  [WebhookErrorCode.BAD_SECRET]: DomainErrorKind.UNAUTHENTICATED,
  [WebhookErrorCode.SOURCE_NOT_ALLOWED]: DomainErrorKind.FORBIDDEN,
  [WebhookErrorCode.INBOX_ROW_NOT_FOUND]: DomainErrorKind.NOT_FOUND,
};

/** A webhook was refused, or an inbox operation failed. Messages never echo the payload. */
export class WebhookError extends DomainError<WebhookErrorCode> {
  constructor(code: WebhookErrorCode, message: string) {
    super(code, KINDS[code], message);
  }
}
