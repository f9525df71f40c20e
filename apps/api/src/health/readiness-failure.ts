import { DatabaseUnavailableError, ReadinessChecks } from '@faceauth/core';

interface TerminusResult {
  details?: Record<string, { status?: unknown }>;
}

/**
 * Terminus's 503 body, turned into the error envelope: the state of each check is kept, the indicators' own
 * messages (a driver's text, a host) are not. The database is the only check, so its failure names the code.
 */
export function readinessFailure(result: string | object): DatabaseUnavailableError {
  const details = typeof result === 'object' ? ((result as TerminusResult).details ?? {}) : {};
  const checks: Record<string, { status: 'up' | 'down' }> = {};
  for (const [name, detail] of Object.entries(details)) {
    checks[name] = { status: detail?.status === 'up' ? 'up' : 'down' };
  }
  return new DatabaseUnavailableError(checks as ReadinessChecks);
}
