import { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { EnvReader } from './env-reader.config';

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
export function readWebhooks(env: EnvReader, production: boolean): AppConfig['webhooks'] {
  const secrets = list(env.optionalString('WEBHOOK_SECRETS'));
  const allowedSources = list(env.optionalString('WEBHOOK_ALLOWED_SOURCES'));
  const allowUnauthenticated = env.bool('WEBHOOK_ALLOW_UNAUTHENTICATED', false);
  if (production && secrets.length === 0 && allowedSources.length === 0 && !allowUnauthenticated) {
    throw new ConfigError(
      'WEBHOOK_SECRETS',
      'or WEBHOOK_ALLOWED_SOURCES is required in production (WEBHOOK_ALLOW_UNAUTHENTICATED=true to accept unauthenticated webhooks knowingly)',
    );
  }
  return {
    path: env.string('WEBHOOK_PATH', 'webhooks/argos').replace(/^\/+|\/+$/g, ''),
    secrets,
    allowedSources,
    secureTransmission: env.oneOf(
      'WEBHOOK_SECURE_TRANSMISSION',
      ['auto', 'required', 'off'] as const,
      'auto',
    ),
    verifyByFetch: env.bool('WEBHOOK_VERIFY_BY_FETCH', true),
    verificationMaxNotFound: env.int('WEBHOOK_VERIFICATION_MAX_NOT_FOUND', 3, { min: 1, max: 100 }),
    verificationRatePerSecond: env.int('WEBHOOK_VERIFICATION_RATE_PER_SECOND', 20, { min: 1, max: 100_000 }),
    processorEnabled: env.bool('WEBHOOK_PROCESSOR_ENABLED', true),
    leaseMs: env.int('WEBHOOK_LEASE_MS', 60_000, { min: 100 }),
    reconcileEnabled: env.bool('RECONCILE_ENABLED', true),
    reconcileIntervalMs: env.int('RECONCILE_INTERVAL_SECONDS', 300, { min: 10 }) * 1000,
    reconcileLookbackDays: env.int('RECONCILE_LOOKBACK_DAYS', 2, { min: 1, max: 90 }),
  };
}
