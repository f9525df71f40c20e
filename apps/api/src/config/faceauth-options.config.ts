import { FaceAuthModuleOptions } from '@faceauth/module';
import { AppConfig } from './app-config';

/** The product module's options, from the service configuration. */
export function faceAuthOptions(config: AppConfig): FaceAuthModuleOptions {
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
        breaker: { failureThreshold: config.argos.breakerFailures, resetAfterMs: config.argos.breakerResetMs },
      },
    },
    links: { unusedLinkTtlSeconds: config.links.unusedLinkTtlSeconds },
    webhooks: {
      path: config.webhooks.path,
      secrets: config.webhooks.secrets,
      allowedSources: config.webhooks.allowedSources,
      secureTransmission: config.webhooks.secureTransmission,
      verifyByFetch: config.webhooks.verifyByFetch,
      processor: { enabled: config.webhooks.processorEnabled, leaseMs: config.webhooks.leaseMs },
      reconcile: {
        enabled: config.webhooks.reconcileEnabled,
        intervalMs: config.webhooks.reconcileIntervalMs,
        lookbackDays: config.webhooks.reconcileLookbackDays,
      },
    },
    http: {
      publicBaseUrl: config.http.publicBaseUrl,
      staticKeys: config.auth.staticKeys,
      keyRefreshMs: config.auth.keyRefreshMs,
    },
  };
}
