import { SqlStatements, StatementSet } from '@faceauth/core';
import { notificationStatements } from '../../libs/notifications/src/persistence/notifications.sql';
import { resultStatements } from '../../libs/results/src/result.sql';
import { cleanupLockStatements } from '../../libs/retention/src/persistence/cleanup-lock.sql';
import { cleanupAuditStatements } from '../../libs/retention/src/persistence/cleanup-audit.sql';
import { expiredRowsStatements } from '../../libs/retention/src/persistence/expired-rows.sql';
import { personalDataStatements } from '../../libs/retention/src/persistence/personal-data.sql';
import { resultCleanupStatements } from '../../libs/retention/src/persistence/result-cleanup.sql';
import { tokenStatements } from '../../libs/token-policy/src/persistence/token.sql';
import { inboxStatements } from '../../libs/webhook/src/inbox/webhook-inbox.sql';

export interface RegisteredStatements {
  /** The `*.sql.ts` files whose texts the set holds. */
  files: string[];
  statements: StatementSet<SqlStatements>;
}

/** Every raw statement of the product, by the `*.sql.ts` module that defines it. */
export const RAW_STATEMENTS: Record<string, RegisteredStatements> = {
  tokens: {
    files: [
      'libs/token-policy/src/persistence/token.sql.ts',
      'libs/token-policy/src/persistence/token-list.sql.ts',
      'libs/token-policy/src/persistence/token-status.sql.ts',
      'libs/token-policy/src/persistence/link-outcome.sql.ts',
    ],
    statements: tokenStatements,
  },
  webhookInbox: { files: ['libs/webhook/src/inbox/webhook-inbox.sql.ts'], statements: inboxStatements },
  results: {
    files: ['libs/results/src/result.sql.ts', 'libs/results/src/result-list.sql.ts'],
    statements: resultStatements,
  },
  resultCleanup: {
    files: ['libs/retention/src/persistence/result-cleanup.sql.ts'],
    statements: resultCleanupStatements,
  },
  expiredRows: {
    files: ['libs/retention/src/persistence/expired-rows.sql.ts'],
    statements: expiredRowsStatements,
  },
  personalData: {
    files: ['libs/retention/src/persistence/personal-data.sql.ts'],
    statements: personalDataStatements,
  },
  cleanupLock: {
    files: ['libs/retention/src/persistence/cleanup-lock.sql.ts'],
    statements: cleanupLockStatements,
  },
  notifications: {
    files: ['libs/notifications/src/persistence/notifications.sql.ts'],
    statements: notificationStatements,
  },
  cleanupAudit: {
    files: ['libs/retention/src/persistence/cleanup-audit.sql.ts'],
    statements: cleanupAuditStatements,
  },
};

/** Source files that hold SQL outside a `*.sql.ts` module, with why. */
export const SQL_OUTSIDE_SQL_MODULES: Record<string, string> = {
  'libs/retention/src/lock/advisory-cleanup.lock.ts': 'pg_try_advisory_lock / pg_advisory_unlock only',
  'src/health/database.indicator.ts': 'SELECT 1 only: the readiness ping, on no table',
};

/** Each statement text of a set: a plain text, or every sample of a family (`name(key)`). */
export function statementTexts(statements: SqlStatements): [string, string][] {
  return Object.entries(statements).flatMap(([name, statement]): [string, string][] =>
    typeof statement === 'string'
      ? [[name, statement]]
      : statement.samples.map((key): [string, string] => [`${name}(${key})`, statement(key)]),
  );
}
