import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from './error-envelope';

/** Documents the error answers of a route that calls Argos. */
export function ApiArgosErrors(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiResponse({
      status: 400,
      type: ErrorEnvelope,
      description: 'A field is invalid (named in the message)',
    }),
    ApiResponse({ status: 404, type: ErrorEnvelope, description: 'Unknown authentication id' }),
    ApiResponse({ status: 413, type: ErrorEnvelope, description: 'Image too large' }),
    ApiResponse({
      status: 422,
      type: ErrorEnvelope,
      description: 'Argos refused the request (code ARGOS_BAD_REQUEST)',
    }),
    ApiResponse({
      status: 502,
      type: ErrorEnvelope,
      description: 'Argos rejects our IP or key (ARGOS_IP_NOT_ALLOWED, ARGOS_INVALID_API_KEY)',
    }),
    ApiResponse({
      status: 503,
      type: ErrorEnvelope,
      description:
        'See Retry-After. Argos unavailable (its error code, e.g. TIMEOUT, SERVER_ERROR), or ' +
        'DATABASE_UNAVAILABLE: the database does not answer',
    }),
  );
}
