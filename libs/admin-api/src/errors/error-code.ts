import { ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import { DatabaseUnavailableError } from '@faceauth/core';
import {
  DecryptionErrorCode,
  EncryptionConfigErrorCode,
  QueryValidationErrorCode,
} from '@faceauth/encryption';
import { NotificationErrorCode } from '@faceauth/notifications';
import { ResultErrorCode } from '@faceauth/results';
import { RetentionErrorCode } from '@faceauth/retention';
import { TokenErrorCode } from '@faceauth/token-policy';
import { WebhookErrorCode } from '@faceauth/webhook';
import { AuthErrorCode } from '../auth/auth.error';
import { AdminApiErrorCode } from './admin-api-error-code';
import { argosFailureToDomainError } from './argos-upstream.error';
import { CODES_BY_STATUS, INTERNAL_ERROR, REQUEST_REJECTED, statusForKind } from './domain-error.mapper';
import { BY_FASTIFY_CODE, NO_ROUTE } from './framework-error.messages';

export { AdminApiErrorCode };

/** `@faceauth/core`: the database does not answer (typed by the error class, so it cannot drift). */
const DATABASE_UNAVAILABLE: DatabaseUnavailableError['code'] = 'DATABASE_UNAVAILABLE';
/** `@faceauth/core` keyset pagination: a `cursor` this API never returned (decodeKeysetCursor). */
const INVALID_CURSOR = 'INVALID_CURSOR';
/** The service's readiness probe (`GET /health/ready`, apps/api ServiceNotReadyError). */
const NOT_READY = 'NOT_READY';

/**
 * Every `code` the HTTP face can answer with in its error envelope: the domain errors of every library, the
 * Argos failures as mapped by argosFailureToDomainError, the encryption library's refusals the error filter
 * passes on, and the framework's own codes (routing, body parsing, rate limiting). Built from the constants the
 * code throws; test/contract/openapi-error-codes.e2e-spec.ts scans the sources for any code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  ...new Set<string>([
    ...Object.values(AdminApiErrorCode),
    ...Object.values(AuthErrorCode),
    DATABASE_UNAVAILABLE,
    INVALID_CURSOR,
    NOT_READY,
    ...Object.values(TokenErrorCode),
    ...Object.values(ResultErrorCode),
    ...Object.values(RetentionErrorCode),
    ...Object.values(NotificationErrorCode),
    ...Object.values(WebhookErrorCode),
    ...Object.values(ArgosErrorCode),
    ...Object.values(DecryptionErrorCode),
    ...Object.values(QueryValidationErrorCode),
    EncryptionConfigErrorCode.UNKNOWN_PROJECT,
    ...Object.values(CODES_BY_STATUS),
    ...Object.values(BY_FASTIFY_CODE).map((text) => text.code),
    NO_ROUTE.code,
    INTERNAL_ERROR,
    REQUEST_REJECTED,
  ]),
];

/** Shorthands for the codes routes document (each one of ERROR_CODES). */
export const ErrorCodes = {
  ...AdminApiErrorCode,
  ...AuthErrorCode,
  DATABASE_UNAVAILABLE,
  INVALID_CURSOR,
  NOT_READY,
  /** Malformed JSON, or a path parameter refused by Nest's ParseUUIDPipe. */
  BAD_REQUEST: CODES_BY_STATUS[400],
  PAYLOAD_TOO_LARGE: CODES_BY_STATUS[413],
  UNSUPPORTED_MEDIA_TYPE: CODES_BY_STATUS[415],
  RATE_LIMITED: CODES_BY_STATUS[429],
} as const;

/**
 * The codes an Argos failure answers with, by HTTP status, as argosFailureToDomainError and the error filter
 * map them (computed from the mapper itself).
 */
export const ARGOS_CODES_BY_STATUS: Readonly<Record<number, readonly string[]>> = Object.values(
  ArgosErrorCode,
).reduce<Record<number, string[]>>((byStatus, code) => {
  const error = new ArgosClientError({ code, operation: 'getResult', attempts: 0 }, code);
  const status = statusForKind(argosFailureToDomainError(error).kind);
  (byStatus[status] ??= []).push(code);
  return byStatus;
}, {});
