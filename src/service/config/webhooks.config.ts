import { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { Environment } from './environment.schema';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The webhook settings. In production the webhook must be authenticated somehow (a path secret or a source
 * allowlist): Argos signs nothing, and an open webhook lets anyone who reaches the port make the service
 * look results up at Argos. `WEBHOOK_ALLOW_UNAUTHENTICATED=true` is the explicit, logged-in-config opt-out
 * (e.g. a network that only Argos can reach).
 */
export function readWebhooks(e: Environment): AppConfig['webhooks'] {
  const production = e.NODE_ENV === 'production';
  const secrets = list(e.WEBHOOK_SECRETS);
  const allowedSources = list(e.WEBHOOK_ALLOWED_SOURCES);
  const allowUnauthenticated = e.WEBHOOK_ALLOW_UNAUTHENTICATED;
  if (production && secrets.length === 0 && allowedSources.length === 0 && !allowUnauthenticated) {
    throw new ConfigError(
      'WEBHOOK_SECRETS',
      'or WEBHOOK_ALLOWED_SOURCES is required in production (WEBHOOK_ALLOW_UNAUTHENTICATED=true to accept unauthenticated webhooks knowingly)',
    );
  }
  return {
    path: e.WEBHOOK_PATH.replace(/^\/+|\/+$/g, ''),
    secrets,
    allowedSources,
    secureTransmission: e.WEBHOOK_SECURE_TRANSMISSION,
    verifyByFetch: e.WEBHOOK_VERIFY_BY_FETCH,
    verificationMaxNotFound: e.WEBHOOK_VERIFICATION_MAX_NOT_FOUND,
    verificationRatePerSecond: e.WEBHOOK_VERIFICATION_RATE_PER_SECOND,
    processorEnabled: e.WEBHOOK_PROCESSOR_ENABLED,
    leaseMs: e.WEBHOOK_LEASE_MS,
    reconcileEnabled: e.RECONCILE_ENABLED,
    reconcileIntervalMs: e.RECONCILE_INTERVAL_SECONDS * 1000,
    reconcileLookbackDays: e.RECONCILE_LOOKBACK_DAYS,
  };
}
