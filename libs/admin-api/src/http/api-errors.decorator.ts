import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '../errors/error-envelope';

/** Swagger's metadata key for the responses of a route or controller (`DECORATORS.API_RESPONSE`). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

/** The error answers most routes share, each with the error envelope and its `code` values. */
const DEFAULT_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED: a field of the body, query or path is invalid (named in the message)',
  401: 'UNAUTHENTICATED: no valid internal API key',
  403: 'MISSING_SCOPE: the key lacks a scope the route requires',
  404: 'Not found: no resource has this id',
  409: 'Conflict with the current state (see the code)',
  413: 'PAYLOAD_TOO_LARGE: the body is too large',
  429: 'RATE_LIMITED: too many requests from this address; see Retry-After',
  503: 'DATABASE_UNAVAILABLE: the database does not answer; see Retry-After',
};

export interface ApiErrorSpec {
  status: number;
  description: string;
}

/**
 * Documents the error answers of a route (or of every route of a controller), each with the `ErrorEnvelope`
 * schema: `@ApiErrors(400, 404, 503)`, or `{ status, description }` to name the route's own codes. Documentation
 * only. A status the route already documents (a decorator written below this one, or the controller's) keeps its
 * own description.
 */
export function ApiErrors(...errors: Array<number | ApiErrorSpec>): MethodDecorator & ClassDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor ? (descriptor.value as object) : target;
    for (const error of errors) {
      const { status, description } =
        typeof error === 'number' ? { status: error, description: DEFAULT_DESCRIPTIONS[error] } : error;
      if (description === undefined) throw new Error(`ApiErrors: no default description for ${status}`);
      const existing = Reflect.getMetadata(API_RESPONSE_METADATA, holder) as
        Record<string, unknown> | undefined;
      if (existing?.[String(status)]) continue;
      const decorate = ApiResponse({ status, type: ErrorEnvelope, description }) as (
        target: object,
        key?: string | symbol,
        descriptor?: PropertyDescriptor,
      ) => unknown;
      decorate(target, key, descriptor);
    }
    return descriptor ?? target;
  }) as MethodDecorator & ClassDecorator;
}
