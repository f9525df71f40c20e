import { DatabaseUnavailableError, isDatabaseUnavailable } from '@faceauth/core';

/**
 * What a driver or pool failure means to a caller: an unreachable, restarting, overloaded or too slow
 * database is 503 `DATABASE_UNAVAILABLE` with Retry-After on every route, never a 500 and never the driver's
 * text; any other database error stays unexpected (undefined here).
 */
export function databaseFailureToDomainError(error: unknown): DatabaseUnavailableError | undefined {
  return isDatabaseUnavailable(error) ? new DatabaseUnavailableError() : undefined;
}
