import { FaceAuthModuleOptions } from '@faceauth/module';
import { ServiceConfigReader } from './config-namespaces';

/**
 * The product module's options, from the service configuration: the one factory `FaceAuthModule.forRootAsync`
 * runs with the injected `ConfigService` (and `main.ts` runs on the loaded config to check it before boot).
 */
export function faceAuthOptions(reader: ServiceConfigReader): FaceAuthModuleOptions {
  const config = {
    projects: reader.get('projects', { infer: true }),
    defaultProject: reader.get('defaultProject', { infer: true }),
    argos: reader.get('argos', { infer: true }),
    links: reader.get('links', { infer: true }),
    webhooks: reader.get('webhooks', { infer: true }),
    retention: reader.get('retention', { infer: true }),
    http: reader.get('http', { infer: true }),
    auth: reader.get('auth', { infer: true }),
    database: reader.get('database', { infer: true }),
    notifications: reader.get('notifications', { infer: true }),
  };
  return {
    projects: config.projects,
    defaultProject: config.defaultProject,
    argos: {
      apiBaseUrl: config.argos.apiBaseUrl,
      formUrl: config.argos.formUrl,
      client: {
        maxImageBytes: config.argos.maxImageBytes,
        timeouts: { requestMs: config.argos.requestTimeoutMs, uploadMs: config.argos.uploadTimeoutMs },
        retry: { maxAttempts: config.argos.maxAttempts },
        breaker: {
          failureThreshold: config.argos.breakerFailures,
          resetAfterMs: config.argos.breakerResetMs,
        },
      },
    },
    links: {
      unusedLinkTtlSeconds: config.links.unusedLinkTtlSeconds,
      outcomeSweep: { enabled: config.links.outcomeSweepEnabled },
    },
    webhooks: {
      secrets: config.webhooks.secrets,
      allowedSources: config.webhooks.allowedSources,
      secureTransmission: config.webhooks.secureTransmission,
      verifyByFetch: config.webhooks.verifyByFetch,
      verification: {
        maxNotFoundLookups: config.webhooks.verificationMaxNotFound,
        lookupsPerSecond: config.webhooks.verificationRatePerSecond,
      },
      processor: { enabled: config.webhooks.processorEnabled, leaseMs: config.webhooks.leaseMs },
      reconcile: {
        enabled: config.webhooks.reconcileEnabled,
        intervalMs: config.webhooks.reconcileIntervalMs,
        lookbackDays: config.webhooks.reconcileLookbackDays,
      },
    },
    retention: {
      resultRetentionDays: config.retention.resultRetentionDays,
      tokenRetentionDays: config.retention.tokenRetentionDays,
      inboxRetentionDays: config.retention.inboxRetentionDays,
      scheduler: { enabled: config.retention.schedulerEnabled, intervalMs: config.retention.intervalMs },
      batchSize: config.retention.batchSize,
      argos: {
        ratePerSecond: config.retention.argosRatePerSecond,
        burst: config.retention.argosBurst,
        concurrency: config.retention.argosConcurrency,
      },
      retry: {
        periodMs: config.retention.retryPeriodMs,
        baseDelayMs: config.retention.retryBaseDelayMs,
        maxDelayMs: config.retention.retryMaxDelayMs,
      },
      claimLeaseMs: config.retention.claimLeaseMs,
      lock: { strategy: config.retention.lockStrategy, leaseMs: config.retention.lockLeaseMs },
    },
    http: {
      publicBaseUrl: config.http.publicBaseUrl,
      staticKeys: config.auth.staticKeys,
      keyRefreshMs: config.auth.keyRefreshMs,
    },
    notifications: {
      allowPrivateTargets: config.notifications.allowPrivateTargets,
      requireHttps: config.notifications.requireHttps,
      dispatcher: { autoStart: config.notifications.dispatcherEnabled },
      delivery: { timeoutMs: config.notifications.timeoutMs, leaseMs: config.notifications.leaseMs },
    },
    database: {
      preparedStatements: config.database.type === 'postgres' ? config.database.preparedStatements : true,
    },
  };
}
