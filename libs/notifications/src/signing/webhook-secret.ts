import { createHash, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: `whsec_` + base64 of 24 random bytes (the Standard Webhooks format). */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** A new `webhook-id`: `msg_` + 24 random bytes, base64url (stable across retries of a delivery). */
export function generateMessageId(): string {
  return 'msg_' + randomBytes(24).toString('base64url');
}

/** The `webhook-id` of an event with a stable cause key: `msg_` + 24 bytes of its SHA-256, base64url. */
export function messageIdFor(key: string): string {
  return 'msg_' + createHash('sha256').update(key).digest().subarray(0, 24).toString('base64url');
}
