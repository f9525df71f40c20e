import type {
  PolicyThresholds,
  ProjectConfig,
  SandboxConfig,
  WebhookRetryConfig,
} from './sandbox-config.type';

/**
 * Public test values, printed in the README: they protect nothing, the sandbox holds no real data.
 * The product's demo wiring points its Argos settings at them.
 */
export const DEFAULT_PID = 'sandbox-project';
export const DEFAULT_API_KEY = 'sandbox-api-key';

/** 5 MiB: the vendor documents no limit, this is a plausible API-gateway-style one. */
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** The vendor's sample policy: 0-100 thresholds, `occluded_threshold` a boolean (contract section 7). */
export const DEFAULT_POLICY: Readonly<PolicyThresholds> = Object.freeze({
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 50,
  headCover_threshold: 50,
  liveness_threshold: 50,
  activeLiveness_threshold: 50,
});

export const DEFAULT_WEBHOOK_RETRY: Readonly<WebhookRetryConfig> = Object.freeze({
  maxAttempts: 4,
  initialDelayMs: 200,
  backoffFactor: 2,
  maxDelayMs: 5000,
  timeoutMs: 5000,
});

/** Defaults of a project whose input only names some fields. */
export function defaultProject(pid: string, apiKey: string): ProjectConfig {
  return {
    pid,
    apiKey,
    cipher: 'ecb',
    plaintextFormat: 'json',
    tokenExpiration: { mode: 'off' },
    ipAllowlist: [],
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    webhookVersion: 'v3',
    secureTransmission: false,
    listShape: 'grouped',
    imageResponse: 'text',
    extraRecordFields: false,
    webhookOrder: 'token-expired-first',
    policy: { ...DEFAULT_POLICY },
  };
}

/** Defaults of the whole sandbox; `port: 0` because in-process tests want a free port (main.ts uses 4010). */
export function defaultSandboxConfig(): SandboxConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    projects: [defaultProject(DEFAULT_PID, DEFAULT_API_KEY)],
    webhookRetry: { ...DEFAULT_WEBHOOK_RETRY },
    seedSubmissions: true,
    tokenSweepIntervalMs: 1000,
    controlApiLocalOnly: true,
    logLevels: ['warn', 'error'],
  };
}
