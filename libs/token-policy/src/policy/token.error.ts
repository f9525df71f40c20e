import { DomainError, DomainErrorKind } from '@faceauth/core';

export enum TokenErrorCode {
  TOKEN_NOT_FOUND = 'TOKEN_NOT_FOUND',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TOKEN_ALREADY_USED = 'TOKEN_ALREADY_USED',
  TOKEN_REVOKED = 'TOKEN_REVOKED',
  POLICY_NOT_HONOURED = 'POLICY_NOT_HONOURED',
  INVALID_POLICY = 'INVALID_POLICY',
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  TOKEN_TAKEN = 'TOKEN_TAKEN',
  /** A link's clientReference or metadata is beyond its limits (the message names the field). */
  INVALID_LINK_CONTEXT = 'INVALID_LINK_CONTEXT',
}

const KINDS: Record<TokenErrorCode, DomainErrorKind> = {
  [TokenErrorCode.TOKEN_NOT_FOUND]: DomainErrorKind.NOT_FOUND,
  [TokenErrorCode.TOKEN_EXPIRED]: DomainErrorKind.GONE,
  [TokenErrorCode.TOKEN_ALREADY_USED]: DomainErrorKind.GONE,
  [TokenErrorCode.TOKEN_REVOKED]: DomainErrorKind.GONE,
  [TokenErrorCode.POLICY_NOT_HONOURED]: DomainErrorKind.UNPROCESSABLE,
  [TokenErrorCode.INVALID_POLICY]: DomainErrorKind.INVALID,
  [TokenErrorCode.UNKNOWN_PROJECT]: DomainErrorKind.INVALID,
  [TokenErrorCode.IDEMPOTENCY_KEY_REUSED]: DomainErrorKind.CONFLICT,
  [TokenErrorCode.TOKEN_TAKEN]: DomainErrorKind.CONFLICT,
  [TokenErrorCode.INVALID_LINK_CONTEXT]: DomainErrorKind.INVALID,
};

/** A token or link rule was broken. Messages never contain the token id. */
export class TokenError extends DomainError<TokenErrorCode> {
  constructor(code: TokenErrorCode, message: string) {
    super(code, KINDS[code], message);
  }
}
