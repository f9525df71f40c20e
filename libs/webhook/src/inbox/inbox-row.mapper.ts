import { rawInstant, rawText } from '@faceauth/core';
import { InboxStatus, WebhookInboxEntity } from './webhook-inbox.entity';

/**
 * The columns {@link inboxFromRow} reads, for `SELECT`/`RETURNING` lists. Named rather than `*`: statements are
 * prepared on PostgreSQL, and a column added by a later migration must not change a prepared statement's
 * result type under a running older instance (PostgreSQL then refuses the cached plan).
 */
export const INBOX_COLUMNS =
  'id, dedupe_key, trigger, auth_id, token_id, project, payload, source, status, attempts, next_attempt_at, ' +
  'locked_until, last_error, received_at, processed_at';

/** Maps a raw row of {@link INBOX_COLUMNS} to the entity. */
export function inboxFromRow(row: Record<string, unknown>): WebhookInboxEntity {
  return Object.assign(new WebhookInboxEntity(), {
    id: String(row.id),
    dedupeKey: String(row.dedupe_key),
    trigger: String(row.trigger),
    authId: rawText(row.auth_id),
    tokenId: rawText(row.token_id),
    project: rawText(row.project),
    payload: String(row.payload),
    source: String(row.source),
    status: String(row.status) as InboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: rawInstant(row.next_attempt_at) as Date,
    lockedUntil: rawInstant(row.locked_until),
    lastError: rawText(row.last_error),
    receivedAt: rawInstant(row.received_at) as Date,
    processedAt: rawInstant(row.processed_at),
  });
}
