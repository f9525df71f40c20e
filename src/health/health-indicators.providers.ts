import { ArgosBreakerIndicator } from './argos-breaker.indicator';
import { CleanupIndicator } from './cleanup.indicator';
import { FaceAuthDatabaseIndicator } from './database.indicator';
import { WebhookInboxIndicator } from './webhook-inbox.indicator';

/** The indicators FaceAuthModule provides and exports (they need nothing but the module's own services). */
export const FACEAUTH_HEALTH_INDICATORS = [
  FaceAuthDatabaseIndicator,
  ArgosBreakerIndicator,
  WebhookInboxIndicator,
  CleanupIndicator,
];
