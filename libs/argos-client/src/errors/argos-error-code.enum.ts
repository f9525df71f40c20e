/**
 * Why a call to the Argos Add-on API failed. Stable strings: the admin API maps them to HTTP statuses,
 * cron jobs and the CLI branch on them.
 */
export enum ArgosErrorCode {
  /** Argos answered 400 (or another unmapped 4xx): our request was wrong. `vendorCode` holds its `errorCode`. */
  BAD_REQUEST = 'ARGOS_BAD_REQUEST',
  /** 403 "... explicit deny": our egress IP is not on the project's API IP whitelist. Never retried. */
  IP_NOT_ALLOWED = 'ARGOS_IP_NOT_ALLOWED',
  /** 401, or 403 without "explicit deny" ("Forbidden"): wrong or missing Add-on API key. Never retried. */
  INVALID_API_KEY = 'ARGOS_INVALID_API_KEY',
  /** 413: the request body (the image) is over Argos' limit. Never retried. */
  PAYLOAD_TOO_LARGE = 'ARGOS_PAYLOAD_TOO_LARGE',
  /** 429: Argos throttled us. Not retried by the client; `retryAfterSeconds` says when to come back. */
  RATE_LIMITED = 'ARGOS_RATE_LIMITED',
  /** 500 or any 5xx other than 502. */
  SERVER_ERROR = 'ARGOS_SERVER_ERROR',
  /** 502. */
  BAD_GATEWAY = 'ARGOS_BAD_GATEWAY',
  /** A per-call timeout (including a trickling body) or the overall deadline expired. */
  TIMEOUT = 'ARGOS_TIMEOUT',
  /** Connection refused/reset, DNS failure, socket hang up, or the circuit breaker is open. */
  UNAVAILABLE = 'ARGOS_UNAVAILABLE',
  /** A success status with a body we cannot use, or a redirect (redirects are never followed). */
  BAD_RESPONSE = 'ARGOS_BAD_RESPONSE',
  /** The looked-up authentication id is unknown to Argos (see the NOT_FOUND rule in the README). */
  NOT_FOUND = 'ARGOS_NOT_FOUND',
  /** Client-side refusal before any call: the image is over `maxImageBytes`. */
  IMAGE_TOO_LARGE = 'ARGOS_IMAGE_TOO_LARGE',
  /** Client-side refusal before any call: an empty image, an empty id, a malformed date range or count. */
  INVALID_INPUT = 'ARGOS_INVALID_INPUT',
  /** The caller's AbortSignal fired; no further attempt was made. */
  ABORTED = 'ARGOS_ABORTED',
}
