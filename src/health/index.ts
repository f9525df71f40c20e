// The health indicators a host passes to its own terminus HealthCheckService (see health-indicator-result.ts).
export { ArgosBreakerIndicator, type ArgosBreakerHealthDetails } from './argos-breaker.indicator';
export {
  CleanupIndicator,
  DEFAULT_CLEANUP_GRACE_SECONDS,
  type CleanupHealthDetails,
  type CleanupHealthOptions,
} from './cleanup.indicator';
export {
  FaceAuthDatabaseIndicator,
  type DatabaseHealthDetails,
  type DatabaseHealthOptions,
} from './database.indicator';
export {
  DEFAULT_MAX_OLDEST_PENDING_SECONDS,
  DEFAULT_MAX_PENDING,
  WebhookInboxIndicator,
  type WebhookInboxHealthDetails,
  type WebhookInboxHealthOptions,
} from './webhook-inbox.indicator';
export {
  DEFAULT_HEALTH_TIMEOUT_MS,
  type FaceAuthHealthDetail,
  type FaceAuthHealthFailure,
  type FaceAuthHealthResult,
  type FaceAuthHealthStatus,
} from './health-indicator-result';
