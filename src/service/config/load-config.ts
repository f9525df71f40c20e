import { parseStaticApiKeys } from '@faceauth/admin-api';
import { AppConfig, DatabaseConfig } from './app-config';
import { ConfigError } from './config.error';
import { Environment } from './environment.schema';
import { readProjects, SANDBOX_PROJECT } from './projects.config';
import { readTrustProxy } from './trust-proxy.config';
import { Env, validateEnvironment } from './validate-environment';
import { readWebhooks } from './webhooks.config';

const REAL_ARGOS_API = 'https://rest-api.argosidentity.com/v3';
const REAL_ARGOS_FORM = 'https://form.argosidentity.com/face-auth';
const SANDBOX_URL = 'http://127.0.0.1:4010';

/**
 * Reads the environment through its schema ({@link Environment}), settles the defaults that depend on other
 * settings and checks the rules that span several; throws a {@link ConfigError} naming the first bad setting.
 * With no configuration at all the service runs on SQLite against the local Argos sandbox. The result is
 * what the apps register as `ConfigModule` namespaces (see config-namespaces.ts). `stdoutIsTty` only picks
 * the default log format.
 */
export function loadConfig(rawEnv: Env, stdoutIsTty = process.stdout.isTTY === true): AppConfig {
  const e = validateEnvironment(rawEnv);
  const production = e.NODE_ENV === 'production';
  const projects = readProjects(e);
  if (!projects && production) {
    throw new ConfigError(
      'FACEAUTH_PROJECTS',
      'is required in production (or FACEAUTH_PID and FACEAUTH_API_KEY)',
    );
  }
  const sandbox = projects === null;
  const resolvedProjects = projects ?? [SANDBOX_PROJECT];
  const defaultProject = e.FACEAUTH_DEFAULT_PROJECT ?? resolvedProjects[0].name;
  if (!resolvedProjects.some((p) => p.name === defaultProject)) {
    throw new ConfigError(
      'FACEAUTH_DEFAULT_PROJECT',
      `must name a configured project (got "${defaultProject}")`,
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    http: readHttp(e),
    database: readDatabase(e),
    auth: {
      staticKeys: readStaticKeys(e.INTERNAL_API_KEYS),
      generateDevAdminKey: e.DEV_ADMIN_KEY ?? !production,
      keyRefreshMs: e.API_KEY_REFRESH_MS,
    },
    swagger: { enabled: e.SWAGGER_ENABLED ?? !production },
    notifications: readNotifications(e, production),
    runtime: { heapGrowingPercent: e.FACEAUTH_HEAP_GROWING_PERCENT },
    logging: { level: e.LOG_LEVEL, format: readLogFormat(e, stdoutIsTty) },
    argos: {
      apiBaseUrl: e.ARGOS_API_BASE_URL ?? (sandbox ? `${SANDBOX_URL}/v3` : REAL_ARGOS_API),
      formUrl: e.ARGOS_FORM_URL ?? (sandbox ? `${SANDBOX_URL}/face-auth` : REAL_ARGOS_FORM),
      usingSandboxDefaults: sandbox,
      maxImageBytes: e.ARGOS_MAX_IMAGE_BYTES,
      requestTimeoutMs: e.ARGOS_TIMEOUT_MS,
      uploadTimeoutMs: e.ARGOS_UPLOAD_TIMEOUT_MS,
      maxAttempts: e.ARGOS_MAX_ATTEMPTS,
      breakerFailures: e.ARGOS_BREAKER_FAILURES,
      breakerResetMs: e.ARGOS_BREAKER_RESET_MS,
    },
    links: { unusedLinkTtlSeconds: e.LINK_TTL_SECONDS, outcomeSweepEnabled: true },
    webhooks: readWebhooks(e),
    retention: readRetention(e),
    projects: resolvedProjects,
    defaultProject,
  };
}

function readHttp(e: Environment): AppConfig['http'] {
  const requestMs = e.HTTP_REQUEST_TIMEOUT_MS;
  const headersMs = e.HTTP_HEADERS_TIMEOUT_MS ?? Math.min(10_000, requestMs);
  // Node refuses a server whose headers may take longer than the whole request.
  if (headersMs > requestMs)
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', 'must be ≤ HTTP_REQUEST_TIMEOUT_MS');
  return {
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    trustProxy: readTrustProxy(e.TRUST_PROXY),
    bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
    timeouts: {
      headersMs,
      requestMs,
      keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionMs: e.HTTP_CONNECTION_TIMEOUT_MS,
    },
    rateLimit: { redisUrl: e.RATE_LIMIT_REDIS_URL ?? null, redisPrefix: e.RATE_LIMIT_REDIS_PREFIX },
  };
}

function readNotifications(e: Environment, production: boolean): AppConfig['notifications'] {
  // A lease shorter than an attempt would let a second worker send a delivery still in flight.
  if (e.NOTIFICATION_LEASE_MS < e.NOTIFICATION_TIMEOUT_MS)
    throw new ConfigError('NOTIFICATION_LEASE_MS', 'must be ≥ NOTIFICATION_TIMEOUT_MS');
  return {
    allowPrivateTargets: e.NOTIFICATION_PRIVATE_TARGETS ?? !production,
    requireHttps: production,
    dispatcherEnabled: true,
    timeoutMs: e.NOTIFICATION_TIMEOUT_MS,
    leaseMs: e.NOTIFICATION_LEASE_MS,
  };
}

/** Human-readable lines for a developer at a terminal; JSON for anything that collects logs. */
function readLogFormat(e: Environment, stdoutIsTty: boolean): AppConfig['logging']['format'] {
  return e.LOG_FORMAT ?? (e.NODE_ENV === 'development' && stdoutIsTty ? 'pretty' : 'json');
}

function readStaticKeys(raw: string | undefined): AppConfig['auth']['staticKeys'] {
  try {
    return parseStaticApiKeys(raw);
  } catch (error) {
    throw new ConfigError('INTERNAL_API_KEYS', (error as Error).message);
  }
}

function readDatabase(e: Environment): DatabaseConfig {
  if (e.DATABASE_URL === undefined) {
    return {
      type: 'sqlite',
      path: e.SQLITE_PATH,
      migrationsRun: e.DB_MIGRATIONS_RUN,
      busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
      tablePrefix: e.DATABASE_TABLE_PREFIX,
    };
  }
  return {
    type: 'postgres',
    url: e.DATABASE_URL,
    migrationsRun: e.DB_MIGRATIONS_RUN,
    tablePrefix: e.DATABASE_TABLE_PREFIX,
    poolSize: e.DATABASE_POOL_SIZE,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    timeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS },
  };
}

/** The retention schedule (RETENTION_*) and the cleanup job enforcing it (CLEANUP_*). */
function readRetention(e: Environment): AppConfig['retention'] {
  if (e.CLEANUP_RETRY_MAX_SECONDS < e.CLEANUP_RETRY_BASE_SECONDS)
    throw new ConfigError('CLEANUP_RETRY_MAX_SECONDS', 'must be ≥ CLEANUP_RETRY_BASE_SECONDS');
  return {
    resultRetentionDays: e.RETENTION_RESULT_DAYS,
    tokenRetentionDays: e.RETENTION_TOKEN_DAYS,
    inboxRetentionDays: e.RETENTION_INBOX_DAYS,
    schedulerEnabled: e.CLEANUP_ENABLED,
    intervalMs: e.CLEANUP_INTERVAL_SECONDS * 1000,
    batchSize: e.CLEANUP_BATCH_SIZE,
    argosRatePerSecond: e.CLEANUP_ARGOS_RATE_PER_SECOND,
    argosBurst: e.CLEANUP_ARGOS_BURST,
    argosConcurrency: e.CLEANUP_ARGOS_CONCURRENCY,
    retryPeriodMs: e.CLEANUP_RETRY_PERIOD_HOURS * 3600_000,
    retryBaseDelayMs: e.CLEANUP_RETRY_BASE_SECONDS * 1000,
    retryMaxDelayMs: e.CLEANUP_RETRY_MAX_SECONDS * 1000,
    claimLeaseMs: e.CLEANUP_CLAIM_LEASE_SECONDS * 1000,
    lockStrategy: e.CLEANUP_LOCK,
    lockLeaseMs: e.CLEANUP_LOCK_LEASE_SECONDS * 1000,
  };
}
