import { createHash, randomUUID } from 'node:crypto';
import { ArgosWebhookEvent } from '../payload/argos-webhook-event';
import { concernsFaceAuth } from '../payload/faceauth-service';
import { NewInboxRow } from './webhook-inbox.repository';

/** The inbox row of an event: its dedupe key makes every redelivery land on the same row. */
export function inboxEntryFor(
  event: ArgosWebhookEvent,
  source: 'webhook' | 'reconcile',
  receivedAt: Date,
  project: string | null = null,
): NewInboxRow {
  const payload = JSON.stringify(event);
  const base = { id: randomUUID(), payload, source, receivedAt, project };
  switch (event.kind) {
    case 'faceAuth':
      return {
        ...base,
        dedupeKey: `faceAuth:${event.authId}`,
        trigger: 'faceAuth',
        authId: event.authId,
        tokenId: event.tokenId ?? null,
        status: 'pending',
      };
    case 'tokenExpired':
      if (!concernsFaceAuth(event)) {
        // Kept for the audit trail, never applied, and never in the way of a FaceAuth expiry (own key).
        return {
          ...base,
          dedupeKey: `token_expired:other-service:${event.tokenId}:${event.condition}`,
          trigger: 'token_expired',
          authId: null,
          tokenId: event.tokenId,
          status: 'ignored',
          note: 'ignored: the token_expired service is not faceAuth (ID Check pipeline)',
        };
      }
      return {
        ...base,
        dedupeKey: `token_expired:${event.tokenId}:${event.condition}`,
        trigger: 'token_expired',
        authId: null,
        tokenId: event.tokenId,
        status: 'pending',
      };
    case 'unknown':
      return {
        ...base,
        dedupeKey: `unknown:${createHash('sha256').update(payload).digest('hex')}`,
        trigger: event.trigger.slice(0, 32),
        authId: null,
        tokenId: null,
        status: 'ignored',
      };
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}
