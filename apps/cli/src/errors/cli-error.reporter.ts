import { ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import { DomainError, DomainErrorKind } from '@faceauth/core';
import { ConfigError } from '@faceauth/service';
import { CliFailure, describeError, offlineFailure, reportFailure, unexpectedFailure } from './cli-failure';
import { ExitCode } from './exit-code';

/** Argos did not answer usefully: worth trying again later (exit 69), unlike a refused request. */
const ARGOS_UNAVAILABLE: ReadonlySet<string> = new Set([
  ArgosErrorCode.UNAVAILABLE,
  ArgosErrorCode.TIMEOUT,
  ArgosErrorCode.SERVER_ERROR,
  ArgosErrorCode.BAD_GATEWAY,
]);
const DOMAIN_UNAVAILABLE: ReadonlySet<DomainErrorKind> = new Set([
  DomainErrorKind.UNAVAILABLE,
  DomainErrorKind.UPSTREAM_FAILURE,
]);
/** Socket errors of a database driver (pg; SQLite's is a file it cannot open). */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'SQLITE_CANTOPEN',
]);

/** Failures only the service commands meet: the service's configuration, the database, Argos. */
export function serviceFailure(error: unknown): CliFailure | undefined {
  if (error instanceof ConfigError) return { text: error.message, exitCode: ExitCode.CONFIG };
  if (error instanceof ArgosClientError) {
    const exitCode = ARGOS_UNAVAILABLE.has(error.code) ? ExitCode.UNAVAILABLE : ExitCode.FAILURE;
    return { text: `${error.message} (${error.code})`, exitCode };
  }
  if (error instanceof DomainError) {
    const exitCode = DOMAIN_UNAVAILABLE.has(error.kind) ? ExitCode.UNAVAILABLE : ExitCode.FAILURE;
    return { text: `${error.message} (${error.code})`, exitCode };
  }
  if (error instanceof Error && isUnreachable(error))
    return { text: `the database is unreachable: ${describeError(error)}`, exitCode: ExitCode.UNAVAILABLE };
  return undefined;
}

function isUnreachable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  return error instanceof AggregateError && error.errors.some((e) => e instanceof Error && isUnreachable(e));
}

/** Any error to one stderr line and an exit status (see ExitCode); nest-commander's serviceErrorHandler. */
export function formatCliFailure(error: unknown): CliFailure {
  return offlineFailure(error) ?? serviceFailure(error) ?? unexpectedFailure(error);
}

export function reportCliError(error: unknown): void {
  reportFailure(formatCliFailure(error));
}
