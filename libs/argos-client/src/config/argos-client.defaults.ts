/** Defaults of every Argos client option; documented on `ArgosClientModuleOptions`. */
export const ARGOS_CLIENT_DEFAULTS = Object.freeze({
  baseUrl: 'https://rest-api.argosidentity.com/v3',
  timeouts: Object.freeze({ connectMs: 5_000, requestMs: 10_000, uploadMs: 30_000, deadlineMs: 30_000 }),
  retry: Object.freeze({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 }),
  breaker: Object.freeze({ failureThreshold: 5, resetAfterMs: 30_000 }),
  maxImageBytes: 5 * 1024 * 1024,
  maxResponseBytes: 32 * 1024 * 1024,
});
