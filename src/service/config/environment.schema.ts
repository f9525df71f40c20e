import { TABLE_PREFIX_PATTERN } from '@faceauth/core';
import { BoolSetting, IntSetting, OneOfSetting, TextSetting, UrlSetting } from './env-setting.decorator';

const HOUR_S = 3_600;
const DAY_S = 24 * HOUR_S;
const HOUR_MS = HOUR_S * 1000;

/**
 * Every environment variable the service reads, its type, bounds and static default: the one schema of the
 * service's configuration (README, "Configuration", lists the same names; a test keeps the two equal).
 * Settings whose default depends on another (the sandbox URLs, `PUBLIC_BASE_URL`, production switches) are
 * left undefined here and settled by `loadConfig`, which also checks the rules that span several settings.
 */
export class Environment {
  @OneOfSetting(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' =
    'development';
  @TextSetting() HOST = '127.0.0.1';
  @IntSetting({ min: 0, max: 65535 }) PORT = 3000;
  @UrlSetting(['http', 'https']) PUBLIC_BASE_URL?: string;
  @TextSetting() TRUST_PROXY?: string;
  @IntSetting({ min: 1024 }) HTTP_BODY_LIMIT_BYTES = 1_048_576;
  @IntSetting({ min: 100, max: HOUR_MS }) HTTP_REQUEST_TIMEOUT_MS = 60_000;
  @IntSetting({ min: 100, max: HOUR_MS }) HTTP_HEADERS_TIMEOUT_MS?: number;
  @IntSetting({ min: 100, max: HOUR_MS }) HTTP_KEEP_ALIVE_TIMEOUT_MS = 72_000;
  @IntSetting({ min: 0, max: 24 * HOUR_MS }) HTTP_CONNECTION_TIMEOUT_MS = 300_000;
  @UrlSetting(['redis', 'rediss']) RATE_LIMIT_REDIS_URL?: string;
  @TextSetting(/^[A-Za-z0-9:._-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 : . _ -')
  RATE_LIMIT_REDIS_PREFIX = 'faceauth-rate-limit:';

  @UrlSetting(['postgres', 'postgresql']) DATABASE_URL?: string;
  @TextSetting() SQLITE_PATH = 'data/faceauth.sqlite';
  @BoolSetting() DB_MIGRATIONS_RUN = true;
  @TextSetting(TABLE_PREFIX_PATTERN, 'must be up to 20 of a-z 0-9 _, starting with a letter')
  DATABASE_TABLE_PREFIX = 'faceauth_';
  @IntSetting({ min: 1, max: 200 }) DATABASE_POOL_SIZE = 10;
  @BoolSetting() DATABASE_PREPARED_STATEMENTS = true;
  @IntSetting({ min: 100, max: 10 * 60_000 }) DATABASE_CONNECT_TIMEOUT_MS = 5_000;
  @IntSetting({ min: 100, max: 24 * HOUR_MS }) DATABASE_STATEMENT_TIMEOUT_MS = 30_000;
  @IntSetting({ min: 0, max: 10 * 60_000 }) SQLITE_BUSY_TIMEOUT_MS = 5_000;

  @TextSetting() INTERNAL_API_KEYS?: string;
  @BoolSetting() DEV_ADMIN_KEY?: boolean;
  @IntSetting({ min: 0 }) API_KEY_REFRESH_MS = 5_000;
  @BoolSetting() SWAGGER_ENABLED?: boolean;
  @BoolSetting() NOTIFICATION_PRIVATE_TARGETS?: boolean;
  @IntSetting({ min: 100, max: 300_000 }) NOTIFICATION_TIMEOUT_MS = 10_000;
  @IntSetting({ min: 100, max: 24 * HOUR_MS }) NOTIFICATION_LEASE_MS = 60_000;
  @IntSetting({ min: 0, max: 1000 }) FACEAUTH_HEAP_GROWING_PERCENT = 30;
  @OneOfSetting(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
  /** Undefined here: `pretty` in development on a TTY, else `json` (settled by `loadConfig`). */
  @OneOfSetting(['json', 'pretty']) LOG_FORMAT?: 'json' | 'pretty';

  @TextSetting() FACEAUTH_PROJECTS?: string;
  @TextSetting() FACEAUTH_PID?: string;
  @TextSetting() FACEAUTH_API_KEY?: string;
  @TextSetting() FACEAUTH_SECRET_KEY?: string;
  @TextSetting() FACEAUTH_CIPHER?: string;
  @TextSetting() FACEAUTH_PLAINTEXT_FORMAT?: string;
  @TextSetting() FACEAUTH_TOKEN_EXPIRATION?: string;
  @TextSetting() FACEAUTH_DEFAULT_PROJECT?: string;

  @UrlSetting(['http', 'https']) ARGOS_API_BASE_URL?: string;
  @UrlSetting(['http', 'https']) ARGOS_FORM_URL?: string;
  @IntSetting({ min: 1024 }) ARGOS_MAX_IMAGE_BYTES = 5 * 1024 * 1024;
  @IntSetting({ min: 100 }) ARGOS_TIMEOUT_MS = 10_000;
  @IntSetting({ min: 100 }) ARGOS_UPLOAD_TIMEOUT_MS = 30_000;
  @IntSetting({ min: 1, max: 10 }) ARGOS_MAX_ATTEMPTS = 3;
  @IntSetting({ min: 1 }) ARGOS_BREAKER_FAILURES = 5;
  @IntSetting({ min: 10 }) ARGOS_BREAKER_RESET_MS = 30_000;
  @IntSetting({ min: 60, max: 90 * DAY_S }) LINK_TTL_SECONDS = 7 * DAY_S;

  @TextSetting() WEBHOOK_PATH = 'webhooks/argos';
  @TextSetting() WEBHOOK_SECRETS?: string;
  @TextSetting() WEBHOOK_ALLOWED_SOURCES?: string;
  @BoolSetting() WEBHOOK_ALLOW_UNAUTHENTICATED = false;
  @OneOfSetting(['auto', 'required', 'off']) WEBHOOK_SECURE_TRANSMISSION: 'auto' | 'required' | 'off' =
    'auto';
  @BoolSetting() WEBHOOK_VERIFY_BY_FETCH = true;
  @IntSetting({ min: 1, max: 100 }) WEBHOOK_VERIFICATION_MAX_NOT_FOUND = 3;
  @IntSetting({ min: 1, max: 100_000 }) WEBHOOK_VERIFICATION_RATE_PER_SECOND = 20;
  @BoolSetting() WEBHOOK_PROCESSOR_ENABLED = true;
  @IntSetting({ min: 100 }) WEBHOOK_LEASE_MS = 60_000;
  @BoolSetting() RECONCILE_ENABLED = true;
  @IntSetting({ min: 10 }) RECONCILE_INTERVAL_SECONDS = 300;
  @IntSetting({ min: 1, max: 90 }) RECONCILE_LOOKBACK_DAYS = 2;

  @IntSetting({ min: 1, max: 1095 }) RETENTION_RESULT_DAYS = 30;
  @IntSetting({ min: 1, max: 3650 }) RETENTION_TOKEN_DAYS = 30;
  @IntSetting({ min: 1, max: 3650 }) RETENTION_INBOX_DAYS = 30;
  @BoolSetting() CLEANUP_ENABLED = true;
  @IntSetting({ min: 1, max: 7 * DAY_S }) CLEANUP_INTERVAL_SECONDS = 300;
  @IntSetting({ min: 1, max: 1000 }) CLEANUP_BATCH_SIZE = 100;
  @IntSetting({ min: 1, max: 10_000 }) CLEANUP_ARGOS_RATE_PER_SECOND = 10;
  @IntSetting({ min: 1, max: 10_000 }) CLEANUP_ARGOS_BURST = 1;
  @IntSetting({ min: 1, max: 64 }) CLEANUP_ARGOS_CONCURRENCY = 4;
  @IntSetting({ min: 0, max: 2160 }) CLEANUP_RETRY_PERIOD_HOURS = 72;
  @IntSetting({ min: 1, max: 7 * DAY_S }) CLEANUP_RETRY_BASE_SECONDS = 60;
  @IntSetting({ min: 1, max: 30 * DAY_S }) CLEANUP_RETRY_MAX_SECONDS = 6 * HOUR_S;
  @IntSetting({ min: 1, max: DAY_S }) CLEANUP_CLAIM_LEASE_SECONDS = 300;
  @OneOfSetting(['auto', 'lease']) CLEANUP_LOCK: 'auto' | 'lease' = 'auto';
  @IntSetting({ min: 1, max: DAY_S }) CLEANUP_LOCK_LEASE_SECONDS = 120;
}
