import { DatabaseUnavailableError, DomainError, DomainErrorKind, ReadinessChecks } from '@faceauth/core';

interface TerminusResult {
  details?: Record<string, { status?: unknown } & Record<string, unknown>>;
}

/** What a caller is told to wait before asking again when a check other than the database is down. */
export const NOT_READY_RETRY_AFTER_SECONDS = 30;

/**
 * The database answers, but another readiness check is down (an open Argos breaker, an ageing webhook
 * backlog, overdue cleanup): 503 with Retry-After and every check's state and detail.
 */
export class ServiceNotReadyError extends DomainError<'NOT_READY'> {
  constructor(checks: ReadinessChecks) {
    super('NOT_READY', DomainErrorKind.UNAVAILABLE, 'The service is not ready: see checks', {
      retryAfterSeconds: NOT_READY_RETRY_AFTER_SECONDS,
      checks,
    });
  }
}

/** Free-text fields an indicator may carry (a driver's text, a host): never sent. */
const FREE_TEXT = new Set(['message', 'error', 'stack']);

/**
 * Terminus's 503 body, turned into the error envelope.
 *
 * - The database is down: `DATABASE_UNAVAILABLE` with `{ database: { status: 'down' } }` only, as before the
 *   other checks existed (they query the database too: their state would say nothing more).
 * - Another check is down: `NOT_READY` with each check's status and detail. The module's indicators report
 *   counts, ages, states and project names only (see src/health); free-text fields are dropped all the same.
 */
export function readinessFailure(result: string | object): DomainError {
  const details = typeof result === 'object' ? ((result as TerminusResult).details ?? {}) : {};
  if (details.database?.status !== 'up')
    return new DatabaseUnavailableError({ database: { status: 'down' } });
  const checks: Record<string, { status: 'up' | 'down' }> = {};
  for (const [name, detail] of Object.entries(details)) {
    const kept = Object.fromEntries(Object.entries(detail ?? {}).filter(([field]) => !FREE_TEXT.has(field)));
    checks[name] = { ...kept, status: detail?.status === 'up' ? 'up' : 'down' };
  }
  return new ServiceNotReadyError(checks);
}
