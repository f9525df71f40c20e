import { InboxStatus, WebhookInboxEntity } from './webhook-inbox.entity';

const instant = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Maps a raw `RETURNING *` row to the entity. */
export function inboxFromRow(row: Record<string, unknown>): WebhookInboxEntity {
  return Object.assign(new WebhookInboxEntity(), {
    id: String(row.id),
    dedupeKey: String(row.dedupe_key),
    trigger: String(row.trigger),
    authId: text(row.auth_id),
    tokenId: text(row.token_id),
    project: text(row.project),
    payload: String(row.payload),
    source: String(row.source),
    status: String(row.status) as InboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: instant(row.next_attempt_at) as Date,
    lockedUntil: instant(row.locked_until),
    lastError: text(row.last_error),
    receivedAt: instant(row.received_at) as Date,
    processedAt: instant(row.processed_at),
  });
}
