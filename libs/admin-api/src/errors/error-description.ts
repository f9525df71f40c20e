import { HttpException } from '@nestjs/common';
import { DomainError, ReadinessChecks } from '@faceauth/core';
import {
  DecryptionError,
  EncryptionConfigError,
  EncryptionConfigErrorCode,
  QueryValidationError,
} from '@faceauth/encryption';
import { databaseFailureToDomainError } from './database-failure.error';
import { codeForStatus, INTERNAL_ERROR, statusForKind } from './domain-error.mapper';
import { safeFrameworkText } from './framework-error.messages';

/** What an error becomes on the wire, before the request id is added. */
export interface ErrorDescription {
  statusCode: number;
  code: string;
  message: string;
  headers: Record<string, string>;
  /** Unexpected: the caller logs it server-side; the client only sees a generic message. */
  unexpected: boolean;
  /** Readiness only: the state of each check. */
  checks?: ReadinessChecks;
}

const GENERIC_500 = 'Internal server error';

/**
 * Turns anything thrown into a safe description. Only domain errors and framework 4xx keep their own
 * message, unless it quotes the URL or a header (see framework-error.messages.ts); every 5xx that is not
 * a deliberate domain answer becomes a generic message, so a stack, a driver message or a secret never
 * leaves the process.
 */
export function describeError(exception: unknown): ErrorDescription {
  if (exception instanceof DomainError) {
    const statusCode = statusForKind(exception.kind);
    const retryAfter = exception.details?.['retryAfterSeconds'];
    const headers: Record<string, string> =
      typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
    const checks = exception.details?.['checks'] as ReadinessChecks | undefined;
    return {
      statusCode,
      code: exception.code,
      message: exception.message,
      headers,
      unexpected: false,
      ...(checks ? { checks } : {}),
    };
  }
  const databaseFailure = databaseFailureToDomainError(exception);
  if (databaseFailure) return describeError(databaseFailure);
  if (exception instanceof QueryValidationError || exception instanceof DecryptionError) {
    return {
      statusCode: 400,
      code: exception.code,
      message: exception.message,
      headers: {},
      unexpected: false,
    };
  }
  if (
    exception instanceof EncryptionConfigError &&
    exception.code === EncryptionConfigErrorCode.UNKNOWN_PROJECT
  ) {
    return {
      statusCode: 400,
      code: exception.code,
      message: exception.message,
      headers: {},
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    // Nest wraps a Fastify error (bad URL, bad body) in an HttpException whose cause is the original.
    return fromStatus(exception.getStatus(), messageOf(exception.getResponse()), exception.cause);
  }
  const statusCode = statusOf(exception);
  if (statusCode !== undefined) {
    return fromStatus(statusCode, exception instanceof Error ? exception.message : '', exception);
  }
  return { statusCode: 500, code: INTERNAL_ERROR, message: GENERIC_500, headers: {}, unexpected: true };
}

function fromStatus(statusCode: number, message: string, cause: unknown): ErrorDescription {
  if (statusCode >= 500) {
    return {
      statusCode,
      code: codeForStatus(statusCode),
      message: GENERIC_500,
      headers: {},
      unexpected: true,
    };
  }
  const safe = safeFrameworkText(statusCode, cause);
  return {
    statusCode,
    code: safe?.code ?? codeForStatus(statusCode),
    message: safe?.message ?? (message || 'Request rejected'),
    headers: {},
    unexpected: false,
  };
}

/** Fastify and its plugins raise errors carrying a numeric `statusCode` (bad JSON, body too large, …). */
function statusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const status = (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : '';
}
