import { parseStaticApiKeys } from '@faceauth/admin-api';
import { AppConfig, DatabaseConfig } from './app-config';
import { ConfigError } from './config.error';
import { readPostgresTimeouts, readSqliteBusyTimeout } from './database-timeouts.config';
import { Env, EnvReader } from './env-reader.config';
import { readHttpTimeouts } from './http-timeouts.config';
import { readProjects, SANDBOX_PROJECT } from './projects.config';
import { readTrustProxy } from './trust-proxy.config';
import { readWebhooks } from './webhooks.config';
import { readRateLimitStore } from './rate-limit.config';

const REAL_ARGOS_API = 'https://rest-api.argosidentity.com/v3';
const REAL_ARGOS_FORM = 'https://form.argosidentity.com/face-auth';
const SANDBOX_URL = 'http://127.0.0.1:4010';

/**
 * Reads and validates every setting at boot. Throws a {@link ConfigError} naming the first bad setting.
 * With no configuration at all the service runs on SQLite against the local Argos sandbox.
 */
export function loadConfig(rawEnv: Env): AppConfig {
  const env = new EnvReader(rawEnv);
  const nodeEnv = env.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const port = env.int('PORT', 3000, { min: 0, max: 65535 });
  const projects = readProjects(env);
  if (!projects && production) {
    throw new ConfigError(
      'FACEAUTH_PROJECTS',
      'is required in production (or FACEAUTH_PID and FACEAUTH_API_KEY)',
    );
  }
  const usingSandboxDefaults = projects === null;
  const resolvedProjects = projects ?? [SANDBOX_PROJECT];
  const defaultProject = env.string('FACEAUTH_DEFAULT_PROJECT', resolvedProjects[0].name);
  if (!resolvedProjects.some((p) => p.name === defaultProject)) {
    throw new ConfigError(
      'FACEAUTH_DEFAULT_PROJECT',
      `must name a configured project (got "${defaultProject}")`,
    );
  }
  let staticKeys;
  try {
    staticKeys = parseStaticApiKeys(env.optionalString('INTERNAL_API_KEYS'));
  } catch (error) {
    throw new ConfigError('INTERNAL_API_KEYS', (error as Error).message);
  }
  return {
    nodeEnv,
    http: {
      host: env.string('HOST', '127.0.0.1'),
      port,
      publicBaseUrl: env.url('PUBLIC_BASE_URL', ['http', 'https'], `http://localhost:${port}`),
      trustProxy: readTrustProxy(env),
      bodyLimitBytes: env.int('HTTP_BODY_LIMIT_BYTES', 1_048_576, { min: 1024 }),
      timeouts: readHttpTimeouts(env),
      rateLimit: readRateLimitStore(env),
    },
    database: readDatabase(env),
    auth: {
      staticKeys,
      generateDevAdminKey: env.bool('DEV_ADMIN_KEY', !production),
      keyRefreshMs: env.int('API_KEY_REFRESH_MS', 5_000, { min: 0 }),
    },
    swagger: { enabled: env.bool('SWAGGER_ENABLED', !production) },
    runtime: { heapGrowingPercent: env.int('FACEAUTH_HEAP_GROWING_PERCENT', 30, { min: 0, max: 1000 }) },
    logging: {
      level: env.oneOf(
        'LOG_LEVEL',
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
        'info',
      ),
    },
    argos: {
      apiBaseUrl: env.url(
        'ARGOS_API_BASE_URL',
        ['http', 'https'],
        usingSandboxDefaults ? `${SANDBOX_URL}/v3` : REAL_ARGOS_API,
      ),
      formUrl: env.url(
        'ARGOS_FORM_URL',
        ['http', 'https'],
        usingSandboxDefaults ? `${SANDBOX_URL}/face-auth` : REAL_ARGOS_FORM,
      ),
      usingSandboxDefaults,
      maxImageBytes: env.int('ARGOS_MAX_IMAGE_BYTES', 5 * 1024 * 1024, { min: 1024 }),
      requestTimeoutMs: env.int('ARGOS_TIMEOUT_MS', 10_000, { min: 100 }),
      uploadTimeoutMs: env.int('ARGOS_UPLOAD_TIMEOUT_MS', 30_000, { min: 100 }),
      maxAttempts: env.int('ARGOS_MAX_ATTEMPTS', 3, { min: 1, max: 10 }),
      breakerFailures: env.int('ARGOS_BREAKER_FAILURES', 5, { min: 1 }),
      breakerResetMs: env.int('ARGOS_BREAKER_RESET_MS', 30_000, { min: 10 }),
    },
    links: {
      unusedLinkTtlSeconds: env.int('LINK_TTL_SECONDS', 7 * 24 * 3600, { min: 60, max: 90 * 24 * 3600 }),
    },
    webhooks: readWebhooks(env, production),
    retention: readRetention(env),
    projects: resolvedProjects,
    defaultProject,
  };
}

function readDatabase(env: EnvReader): DatabaseConfig {
  const migrationsRun = env.bool('DB_MIGRATIONS_RUN', true);
  if (!env.has('DATABASE_URL')) {
    return {
      type: 'sqlite',
      path: env.string('SQLITE_PATH', 'data/faceauth.sqlite'),
      migrationsRun,
      busyTimeoutMs: readSqliteBusyTimeout(env),
    };
  }
  const url = env.url('DATABASE_URL', ['postgres', 'postgresql']);
  return {
    type: 'postgres',
    url,
    migrationsRun,
    poolSize: env.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    preparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true),
    timeouts: readPostgresTimeouts(env),
  };
}

/** The retention schedule (RETENTION_*) and the cleanup job enforcing it (CLEANUP_*). */
function readRetention(env: EnvReader): AppConfig['retention'] {
  const retryBaseSeconds = env.int('CLEANUP_RETRY_BASE_SECONDS', 60, { min: 1, max: 7 * 86_400 });
  const retryMaxSeconds = env.int('CLEANUP_RETRY_MAX_SECONDS', 6 * 3600, { min: 1, max: 30 * 86_400 });
  if (retryMaxSeconds < retryBaseSeconds)
    throw new ConfigError('CLEANUP_RETRY_MAX_SECONDS', 'must be ≥ CLEANUP_RETRY_BASE_SECONDS');
  return {
    resultRetentionDays: env.int('RETENTION_RESULT_DAYS', 30, { min: 1, max: 1095 }),
    tokenRetentionDays: env.int('RETENTION_TOKEN_DAYS', 30, { min: 1, max: 3650 }),
    inboxRetentionDays: env.int('RETENTION_INBOX_DAYS', 30, { min: 1, max: 3650 }),
    schedulerEnabled: env.bool('CLEANUP_ENABLED', true),
    intervalMs: env.int('CLEANUP_INTERVAL_SECONDS', 300, { min: 1, max: 7 * 86_400 }) * 1000,
    batchSize: env.int('CLEANUP_BATCH_SIZE', 100, { min: 1, max: 1000 }),
    argosRatePerSecond: env.int('CLEANUP_ARGOS_RATE_PER_SECOND', 10, { min: 1, max: 10_000 }),
    argosBurst: env.int('CLEANUP_ARGOS_BURST', 1, { min: 1, max: 10_000 }),
    argosConcurrency: env.int('CLEANUP_ARGOS_CONCURRENCY', 4, { min: 1, max: 64 }),
    retryPeriodMs: env.int('CLEANUP_RETRY_PERIOD_HOURS', 72, { min: 0, max: 2160 }) * 3600_000,
    retryBaseDelayMs: retryBaseSeconds * 1000,
    retryMaxDelayMs: retryMaxSeconds * 1000,
    claimLeaseMs: env.int('CLEANUP_CLAIM_LEASE_SECONDS', 300, { min: 1, max: 86_400 }) * 1000,
    lockStrategy: env.oneOf('CLEANUP_LOCK', ['auto', 'lease'] as const, 'auto'),
    lockLeaseMs: env.int('CLEANUP_LOCK_LEASE_SECONDS', 120, { min: 1, max: 86_400 }) * 1000,
  };
}
