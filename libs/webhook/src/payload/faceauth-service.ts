import { TokenExpiredWebhookEvent } from './argos-webhook-event';

/**
 * Whether a `token_expired` concerns a FaceAuth token. Argos sends one per pipeline (`service: "idCheck"`
 * or `"faceAuth"`) and the ID Check pipeline's tokens are separate from FaceAuth's even under the same id
 * (ARGOS-CONTRACT §3, §7). Older payloads carry no `service`: taken as FaceAuth's.
 */
export function concernsFaceAuth(event: TokenExpiredWebhookEvent): boolean {
  return event.service === undefined || event.service.toLowerCase() === 'faceauth';
}
