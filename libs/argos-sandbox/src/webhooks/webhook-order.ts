import type { WebhookOrder } from '../config/sandbox-config.type';
import type { WebhookDelivery } from './webhook-delivery.type';
import type { WebhookPayload } from './webhook-payload.builder';

/** One webhook waiting to be sent. */
export interface DueWebhook {
  event: WebhookDelivery['event'];
  payload: WebhookPayload;
}

/**
 * The webhooks one attempt made due, in the order the project asks for. Argos documents no order
 * between `token_expired` and `faceAuth` (contract section 7), so both must be testable.
 */
export function orderDueWebhooks(
  order: WebhookOrder,
  faceAuth: WebhookPayload,
  tokenExpired: WebhookPayload | undefined,
): DueWebhook[] {
  const result: DueWebhook = { event: 'faceAuth', payload: faceAuth };
  if (!tokenExpired) return [result];
  const notice: DueWebhook = { event: 'token_expired', payload: tokenExpired };
  switch (order) {
    case 'token-expired-first':
      return [notice, result];
    case 'faceauth-first':
      return [result, notice];
    default:
      throw new RangeError(`unknown webhook order ${String(order satisfies never)}`);
  }
}
