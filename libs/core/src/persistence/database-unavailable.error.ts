import { DomainError, DomainErrorKind } from '../domain.error';

/** What a caller is told to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Per-check readiness detail (`{ database: { status: 'down' } }`), without any driver text. */
export type ReadinessChecks = Readonly<Record<string, { status: 'up' | 'down' }>>;

/**
 * The database cannot serve the request now (refused, timed out, restarting, busy): 503 with Retry-After.
 * The message is fixed, so that no driver message, host or statement ever reaches a caller.
 */
export class DatabaseUnavailableError extends DomainError<'DATABASE_UNAVAILABLE'> {
  constructor(checks?: ReadinessChecks) {
    super('DATABASE_UNAVAILABLE', DomainErrorKind.UNAVAILABLE, 'The database is unavailable: retry later', {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      ...(checks ? { checks } : {}),
    });
  }
}
