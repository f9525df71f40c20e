export { WebhookModule } from './webhook.module';
export { WEBHOOK_MODULE_OPTIONS, type WebhookModuleExtras } from './webhook.module-definition';
export {
  InjectWebhookOptions,
  type WebhookModuleOptions,
  type ResolvedWebhookOptions,
} from './webhook.options';
export type {
  ArgosWebhookEvent,
  FaceAuthWebhookEvent,
  TokenExpiredWebhookEvent,
  UnknownWebhookEvent,
} from './payload/argos-webhook-event';
export { normalizeWebhookPayload } from './payload/webhook-payload.normalizer';
export { WebhookError, WebhookErrorCode } from './webhook.error';
export { WebhookInboxEntity, type InboxStatus } from './inbox/webhook-inbox.entity';
export { WebhookInboxRepository } from './inbox/webhook-inbox.repository';
export {
  WebhookIntakeService,
  type IncomingWebhook,
  type IntakeOutcome,
} from './intake/webhook-intake.service';
export { WebhookProcessor } from './processing/webhook-processor';
export { WebhookReconciler, type ReconcileReport } from './reconcile/webhook-reconciler';
export {
  FaceAuthEventPublisher,
  FACEAUTH_RESULT_EVENT,
  FACEAUTH_TOKEN_EXPIRED_EVENT,
  type FaceAuthResultEvent,
  type FaceAuthTokenExpiredEvent,
} from './processing/faceauth-events';
export { ArgosWebhookController, WebhookAckDto } from './http/argos-webhook.controller';
export { resolveWebhookOptions } from './webhook.options';
export {
  FACEAUTH_OUTBOUND_EVENT_TYPES,
  RESULT_EVENT_TYPES,
  type ResultEventData,
} from './processing/outbound-events';
