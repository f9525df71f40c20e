export { NotificationsModule, NOTIFICATION_ENTITIES } from './notifications.module';
export {
  NOTIFICATIONS_MODULE_OPTIONS,
  type NotificationsModuleExtras,
} from './notifications.module-definition';
export {
  DEFAULT_RETRY_SCHEDULE_MS,
  EVENT_TYPE_PATTERN,
  InjectNotificationsOptions,
  NOTIFICATIONS_OPTIONS,
  resolveNotificationsOptions,
  type NotificationsModuleOptions,
  type ResolvedNotificationsOptions,
} from './notifications.options';
export { NotificationError, NotificationErrorCode } from './notification.error';
export {
  NotificationMetrics,
  NoopNotificationMetrics,
  NOOP_NOTIFICATION_METRICS,
  type NotificationMetricEvent,
} from './notification-metrics';
export { NotificationEndpointEntity } from './persistence/notification-endpoint.entity';
export { NotificationOutboxEntity, type DeliveryStatus } from './persistence/notification-outbox.entity';
export {
  NotificationOutbox,
  type NotificationEvent,
  type EnqueuedNotification,
  type PlannedNotification,
} from './outbox/notification-outbox';
export type { Subscriber } from './persistence/notifications.repository';
export { NotificationDispatcher } from './dispatch/notification-dispatcher';
export { nextAttemptDelayMs } from './dispatch/retry-schedule';
export {
  NotificationEndpointService,
  type NotificationEndpointView,
  type EndpointWithSecret,
  type CreateEndpointInput,
  type UpdateEndpointInput,
  type DeliveryView,
  type DeliveryPage,
  endpointNotFound,
  deliveryNotFound,
} from './endpoints/notification-endpoint.service';
export {
  TargetPolicy,
  addressRefusal,
  type TargetPolicyOptions,
  type TargetVerdict,
  type CheckedTarget,
  type Resolver,
} from './delivery/target-policy';
export { sendWebhook, RESPONSE_EXCERPT_BYTES, type AttemptOutcome } from './delivery/webhook-sender';
export { signDelivery, signingSecrets, type SignedHeaders } from './signing/webhook-signer';
export { generateWebhookSecret, generateMessageId } from './signing/webhook-secret';
