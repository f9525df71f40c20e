import { Webhook } from 'standardwebhooks';
import { NotificationEndpointEntity } from '../persistence/notification-endpoint.entity';

/** The Standard Webhooks headers of one attempt. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'content-type': 'application/json';
}

/** The secrets that sign at `now`: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(endpoint: NotificationEndpointEntity, now: Date): string[] {
  const previous =
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > now.getTime()
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}

/**
 * Signs one attempt with `standardwebhooks` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`). Several
 * secrets give several signatures separated by a space, as the spec allows: a receiver accepts the message
 * when any of them verifies, so during a rotation it may hold either secret.
 */
export function signDelivery(
  eventId: string,
  payload: string,
  secrets: readonly string[],
  at: Date,
): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, at, payload));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
    'content-type': 'application/json',
  };
}
