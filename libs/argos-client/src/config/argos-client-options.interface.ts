/** One FaceAuth project: its name in our configuration and its own Add-on API key. */
export interface ArgosProjectCredentials {
  /** Name callers use with `ArgosClientRegistry.get(name)`. */
  name: string;
  /** The project's Add-on API key, sent only in the `x-api-key` header. */
  apiKey: string;
}

/** Options of `ArgosClientModule.forRoot` / `forRootAsync` and of `resolveArgosClientOptions`. */
export interface ArgosClientModuleOptions {
  /** Base URL of the Add-on API. Default `https://rest-api.argosidentity.com/v3`. */
  baseUrl?: string;
  /**
   * Plain `http:` is only accepted for loopback hosts (local sandbox, tests) unless this is true,
   * because the API key would otherwise cross the network in clear. Default false.
   */
  allowInsecureHttp?: boolean;
  /** At least one project; names must be unique. */
  projects: ArgosProjectCredentials[];
  /** Project used when none is named. Default: the first of `projects`. */
  defaultProject?: string;
  timeouts?: {
    /** TCP (and TLS) connect timeout. Default 5,000 ms. */
    connectMs?: number;
    /** Per-attempt timeout of GET/DELETE, headers and whole body included. Default 10,000 ms. */
    requestMs?: number;
    /** Per-attempt timeout of the image upload (`POST /faceauth`). Default 30,000 ms. */
    uploadMs?: number;
    /** Overall deadline of one call across all its attempts and backoffs. Default 30,000 ms. */
    deadlineMs?: number;
  };
  retry?: {
    /** Attempts per call, first one included (1 disables retries). Default 3. */
    maxAttempts?: number;
    /** Base of the exponential backoff (full jitter). Default 200 ms. */
    baseDelayMs?: number;
    /** Cap of one backoff delay. Default 2,000 ms. */
    maxDelayMs?: number;
    /** Longest `Retry-After` we wait for inside a call; a longer one ends the call. Default 10,000 ms. */
    maxRetryAfterMs?: number;
  };
  breaker?: {
    /** Consecutive failures (5xx, timeouts, connection errors) that open the circuit. Default 5. */
    failureThreshold?: number;
    /** Time an open circuit fails fast before letting one trial call through. Default 30,000 ms. */
    resetAfterMs?: number;
  };
  /** Largest image `submitFaceImage` accepts; larger ones are refused before any call. Default 5 MiB. */
  maxImageBytes?: number;
  /** Largest response body accepted (a full 2,000-record page, a base64 image). Default 32 MiB. */
  maxResponseBytes?: number;
  /** Clock of the circuit breaker (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Source of backoff jitter in [0, 1). Default `Math.random`; tests pin it. */
  random?: () => number;
  /** Told about every call, retry and circuit change (metrics). Must not throw. */
  observer?: ArgosCallObserver;
}

/** Hooks for metrics: what happened to each call, without its payload. */
export interface ArgosCallObserver {
  /** A call ended: `outcome` is `success` or the error code; `attempts` HTTP attempts were sent. */
  callCompleted(project: string, operation: string, outcome: string, attempts: number): void;
  /** The circuit of `project` changed state. */
  circuitChanged(project: string, state: 'closed' | 'open' | 'half-open'): void;
}

/** Options after validation, with every default filled in. Frozen; API keys are non-enumerable. */
export interface ResolvedArgosClientOptions {
  readonly baseUrl: string;
  readonly projects: readonly Readonly<ArgosProjectCredentials>[];
  readonly defaultProject: string;
  readonly timeouts: {
    readonly connectMs: number;
    readonly requestMs: number;
    readonly uploadMs: number;
    readonly deadlineMs: number;
  };
  readonly retry: {
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly maxRetryAfterMs: number;
  };
  readonly breaker: { readonly failureThreshold: number; readonly resetAfterMs: number };
  readonly maxImageBytes: number;
  readonly maxResponseBytes: number;
  readonly now: () => number;
  readonly random: () => number;
  readonly observer?: ArgosCallObserver;
}
