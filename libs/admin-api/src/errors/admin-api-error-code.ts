/**
 * The codes this library's own errors carry (thrown in libs/admin-api), as constants shared by the errors and
 * the OpenAPI document (see error-code.ts).
 */
export const AdminApiErrorCode = {
  /** A body, query, header or path parameter failed validation (RequestValidationError). */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** A multipart/form-data body that cannot be read (MalformedMultipartError). */
  MALFORMED_MULTIPART: 'MALFORMED_MULTIPART',
  /** An API key asked for without any scope (InternalApiKeyService). */
  INVALID_SCOPES: 'INVALID_SCOPES',
} as const;
