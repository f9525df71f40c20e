import type { GcmLayout } from '@faceauth/encryption';

/** Query-string cipher of a FaceAuth project, as the Argos dashboard names it. */
export type SandboxCipher = 'ecb' | 'gcm';

/** How the plaintext inside `encrypted` is written before encryption (contract section 1). */
export type PlaintextFormat = 'json' | 'querystring';

/** `faceAuth` webhook payload version (contract section 5). */
export type WebhookVersion = 'v1' | 'v2' | 'v3';

/** `GET /v3/faceauth` response shape: newest `[{faceAuth_projectId, data}]` or the older flat array. */
export type ListShape = 'grouped' | 'flat';

/** `GET /v3/faceauth/image` body: the bare base64 text (documented) or a JSON string (`"…"`). */
export type ImageResponseFormat = 'json' | 'text';

/**
 * Which webhook goes out first when one hosted-page attempt makes both due (contract section 7:
 * Argos promises no order, so receivers must cope with either).
 */
export type WebhookOrder = 'token-expired-first' | 'faceauth-first';

/**
 * The "token expiration condition" of a FaceAuth project. `time.notifyAt` picks when the
 * `token_expired` webhook is sent: at first use (it then carries a future `expected_expired_at`)
 * or once the window has elapsed on the sandbox clock.
 */
export type TokenExpirationConfig =
  | { mode: 'off' }
  | { mode: 'count' }
  | { mode: 'time'; windowSeconds: number; notifyAt: 'first-use' | 'elapsed' };

/**
 * Dashboard thresholds on the vendor's 0-100 scale, echoed in every record's `policy` and used by
 * the decision engine. `occluded_threshold` is a boolean in the vendor's samples (contract section 7).
 */
export interface PolicyThresholds {
  faceSimilarity_threshold: number;
  /**
   * Whether an occluded face is accepted (assumed meaning, undocumented): `false` rejects a face
   * whose `detectOccluded` is true with `Face_Occluded_fail`, `true` only reports it.
   */
  occluded_threshold: boolean;
  faceCover_threshold: number;
  headCover_threshold: number;
  liveness_threshold: number;
  activeLiveness_threshold: number;
}

/** One FaceAuth project, fully resolved. */
export interface ProjectConfig {
  pid: string;
  /** Add-on API key: `x-api-key` of the REST API and, without `secretKey`, the encryption key string. */
  apiKey: string;
  /** Dedicated encryption key string; used instead of `apiKey` for the query and webhooks when set. */
  secretKey?: string;
  cipher: SandboxCipher;
  gcmLayout?: Partial<GcmLayout>;
  plaintextFormat: PlaintextFormat;
  tokenExpiration: TokenExpirationConfig;
  /** Caller IPs (exact or IPv4 CIDR) allowed on the REST API; empty = everybody. */
  ipAllowlist: string[];
  /** Largest accepted REST request body in bytes (413 above it). */
  bodyLimitBytes: number;
  /** Parent ID Check project's webhook URL; no URL = deliveries are recorded as `skipped`. */
  webhookUrl?: string;
  webhookVersion: WebhookVersion;
  secureTransmission: boolean;
  listShape: ListShape;
  imageResponse: ImageResponseFormat;
  /**
   * Adds fields Argos does not document to `GET /v3/faceauth` records (`user_id`, `cf1..3`,
   * `token_id`, `fail_code`); off by default because real records carry no person (contract section 7).
   */
  extraRecordFields: boolean;
  webhookOrder: WebhookOrder;
  policy: PolicyThresholds;
}

/** Delivery retries of webhooks (the vendor documents none: small, bounded and configurable). */
export interface WebhookRetryConfig {
  maxAttempts: number;
  initialDelayMs: number;
  backoffFactor: number;
  maxDelayMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
}

/** Fully resolved sandbox configuration. */
export interface SandboxConfig {
  host: string;
  /** 0 = any free port. */
  port: number;
  projects: ProjectConfig[];
  webhookRetry: WebhookRetryConfig;
  /** Seed the demo ID Check submissions at start and on reset. */
  seedSubmissions: boolean;
  /** Initial sandbox clock (ISO-8601); default: the real time. */
  clockStart?: string;
  /** How often `elapsed` time-token notices are checked, in ms. */
  tokenSweepIntervalMs: number;
  /** Refuse `/__sandbox/*` calls that do not come from a loopback address. */
  controlApiLocalOnly: boolean;
  /** Nest logger levels; empty = silent. */
  logLevels: Array<'log' | 'warn' | 'error' | 'debug' | 'verbose'>;
}

/** Project input: everything but `pid` may be left out. */
export type ProjectConfigInput = Partial<Omit<ProjectConfig, 'policy' | 'tokenExpiration'>> & {
  policy?: Partial<PolicyThresholds>;
  tokenExpiration?: TokenExpirationInput;
};

/** Token expiration as written in a config file or control call (`notifyAt` optional). */
export type TokenExpirationInput =
  | { mode: 'off' }
  | { mode: 'count' }
  | { mode: 'time'; windowSeconds: number; notifyAt?: 'first-use' | 'elapsed' };

/** What `createSandboxApp()` and the config file accept: every field optional, nested ones too. */
export type SandboxConfigInput = Partial<Omit<SandboxConfig, 'projects' | 'webhookRetry'>> & {
  projects?: ProjectConfigInput[];
  webhookRetry?: Partial<WebhookRetryConfig>;
};

/** A run-time change of a project: like the input, plus `null` to clear an optional setting. */
export type ProjectConfigPatch = { [K in keyof ProjectConfigInput]?: ProjectConfigInput[K] | null };
