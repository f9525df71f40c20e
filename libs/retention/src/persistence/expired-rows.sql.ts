import { DatabaseKind, lockedPick, statementSet } from '@faceauth/core';

/**
 * Links that ended at or before $1: revoked, expired by Argos, never used before their expiry, past their
 * time window, or used up (count links, measured from their first use: the last use is not recorded).
 * Every such end is after creation, hence the `created_at` bound that lets the index narrow the scan.
 */
const ENDED_TOKENS = `created_at <= $1 AND (
  revoked_at <= $1
  OR expired_at <= $1
  OR (use_count = 0 AND expires_at <= $1)
  OR (policy_mode = 'time' AND window_ends_at <= $1)
  OR (policy_mode = 'count' AND use_count >= max_uses AND first_used_at <= $1))`;

/** Inbox rows settled at or before $1 (processing never ends before receipt, hence the index bound). */
const SETTLED_INBOX = `received_at <= $1 AND status IN ('done', 'ignored', 'dead') AND COALESCE(processed_at, received_at) <= $1`;

/** `$1` cutoff, `$2` batch size; returns the deleted keys. */
const deleteBatch = (kind: DatabaseKind, table: string, key: string, predicate: string): string => {
  const pick = lockedPick(kind, key, `SELECT ${key} FROM ${table} WHERE ${predicate} LIMIT $2`);
  return `${pick.with}DELETE FROM ${table} WHERE ${key} IN (${pick.keys}) RETURNING ${key}`;
};

const count = (table: string, predicate: string): string =>
  `SELECT COUNT(*) AS n FROM ${table} WHERE ${predicate}`;

/** Deletion of rows past their retention, in bounded batches (texts built once per DataSource). */
export const expiredRowsStatements = statementSet((_dataSource, kind) => {
  return {
    deleteTokens: deleteBatch(kind, 'faceauth_tokens', 'id', ENDED_TOKENS),
    deleteInbox: deleteBatch(kind, 'faceauth_webhook_inbox', 'id', SETTLED_INBOX),
    countTokens: count('faceauth_tokens', ENDED_TOKENS),
    countInbox: count('faceauth_webhook_inbox', SETTLED_INBOX),
  };
});
