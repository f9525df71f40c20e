import { StaticApiKey } from '@faceauth/admin-api';
import { FaceAuthProject } from '@faceauth/module';
import type { TrustProxySetting } from './trust-proxy.config';

/** How long the HTTP server waits on a client, in milliseconds (README, "Configuration"). */
export interface HttpTimeoutsConfig {
  /** From a request's first byte to the end of its headers: slow-header (slowloris) sockets are closed. */
  headersMs: number;
  /** From a request's first byte to the end of its body. */
  requestMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number;
  /** Socket inactivity in either direction, responses included; 0 = none. */
  connectionMs: number;
}

/** How long PostgreSQL calls may wait: opening or borrowing a connection, and one statement. */
export interface PostgresTimeoutsConfig {
  connectMs: number;
  statementMs: number;
}

/** The timeouts are optional so a caller may name a database alone; `loadConfig` always sets them. */
/** `tablePrefix`: the product's table names start with it (default `faceauth_`), its migrations table too. */
export type DatabaseConfig =
  | { type: 'sqlite'; path: string; migrationsRun: boolean; busyTimeoutMs?: number; tablePrefix?: string }
  | {
      type: 'postgres';
      url: string;
      migrationsRun: boolean;
      tablePrefix?: string;
      poolSize: number;
      preparedStatements: boolean;
      timeouts?: PostgresTimeoutsConfig;
    };

/** The whole, validated configuration of the API service. Built once at boot by `loadConfig`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    /** false, a hop count, or the proxies' addresses/CIDRs (see trust-proxy.config.ts). */
    trustProxy: TrustProxySetting;
    bodyLimitBytes: number;
    timeouts: HttpTimeoutsConfig;
    /** Where rate-limit counters live: in this process (null), or Redis shared by every instance. */
    rateLimit: { redisUrl: string | null; redisPrefix: string };
  };
  database: DatabaseConfig;
  auth: { staticKeys: StaticApiKey[]; generateDevAdminKey: boolean; keyRefreshMs: number };
  swagger: { enabled: boolean };
  /**
   * Outbound webhooks: whether loopback/private targets and plain http are allowed (development), and
   * whether this process delivers them (the CLI does not); each attempt's timeout and a claim's lease (a
   * worker killed mid-delivery leaves its claims to be taken again when the lease runs out).
   */
  notifications: {
    allowPrivateTargets: boolean;
    requireHttps: boolean;
    dispatcherEnabled: boolean;
    timeoutMs: number;
    leaseMs: number;
  };
  logging: {
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    /** One JSON object a line, or pino-pretty's human-readable lines (redacted alike). */
    format: 'json' | 'pretty';
  };
  /** V8 settings the service's entry point applies (see bootstrap/heap-tuning.ts). */
  runtime: { heapGrowingPercent: number };
  argos: {
    apiBaseUrl: string;
    formUrl: string;
    usingSandboxDefaults: boolean;
    maxImageBytes: number;
    requestTimeoutMs: number;
    uploadTimeoutMs: number;
    maxAttempts: number;
    breakerFailures: number;
    breakerResetMs: number;
  };
  /** `outcomeSweepEnabled`: whether this process records expired outcomes (the CLI does not). */
  links: { unusedLinkTtlSeconds: number; outcomeSweepEnabled: boolean };
  webhooks: {
    path: string;
    secrets: string[];
    allowedSources: string[];
    secureTransmission: 'auto' | 'required' | 'off';
    verifyByFetch: boolean;
    verificationMaxNotFound: number;
    verificationRatePerSecond: number;
    processorEnabled: boolean;
    leaseMs: number;
    reconcileEnabled: boolean;
    reconcileIntervalMs: number;
    reconcileLookbackDays: number;
  };
  retention: {
    resultRetentionDays: number;
    tokenRetentionDays: number;
    inboxRetentionDays: number;
    schedulerEnabled: boolean;
    intervalMs: number;
    batchSize: number;
    argosRatePerSecond: number;
    argosBurst: number;
    argosConcurrency: number;
    retryPeriodMs: number;
    retryBaseDelayMs: number;
    retryMaxDelayMs: number;
    claimLeaseMs: number;
    lockStrategy: 'auto' | 'lease';
    lockLeaseMs: number;
  };
  projects: FaceAuthProject[];
  defaultProject: string;
}
