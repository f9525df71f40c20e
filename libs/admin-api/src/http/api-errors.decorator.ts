import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCodes, ERROR_CODES } from '../errors/error-code';
import { ErrorEnvelope } from '../errors/error-envelope';

/** Swagger's metadata key for the responses of a route or controller (`DECORATORS.API_RESPONSE`). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

/** The error answers most routes share, each with its description and its `code` values. */
const DEFAULTS: Readonly<Record<number, { description: string; codes: readonly string[] }>> = {
  400: {
    description: 'VALIDATION_FAILED: a field of the body, query or path is invalid (named in the message)',
    codes: [ErrorCodes.VALIDATION_FAILED],
  },
  401: { description: 'UNAUTHENTICATED: no valid internal API key', codes: [ErrorCodes.UNAUTHENTICATED] },
  403: {
    description: 'MISSING_SCOPE: the key lacks a scope the route requires',
    codes: [ErrorCodes.MISSING_SCOPE],
  },
  413: {
    description: 'PAYLOAD_TOO_LARGE: the body is over the size limit (HTTP_BODY_LIMIT_BYTES)',
    codes: [ErrorCodes.PAYLOAD_TOO_LARGE],
  },
  415: {
    description: 'UNSUPPORTED_MEDIA_TYPE: the body is not of a content type this route accepts',
    codes: [ErrorCodes.UNSUPPORTED_MEDIA_TYPE],
  },
  429: {
    description: 'RATE_LIMITED: too many requests from this address; see Retry-After',
    codes: [ErrorCodes.RATE_LIMITED],
  },
  503: {
    description: 'DATABASE_UNAVAILABLE: the database does not answer; see Retry-After',
    codes: [ErrorCodes.DATABASE_UNAVAILABLE],
  },
};

export interface ApiErrorSpec {
  status: number;
  /** Defaults to the status's shared description (400, 401, 403, 413, 415, 429, 503). */
  description?: string;
  /** The `code` values this route can answer with at this status; defaults to the status's shared ones. */
  codes?: readonly string[];
}

/**
 * The schema of an error answer: the `ErrorEnvelope`, with `code` narrowed to the values the route can answer
 * with at that status (so that a client generated from the document can switch on them).
 */
export function errorEnvelopeSchema(codes: readonly string[]): Record<string, unknown> {
  return {
    allOf: [
      { $ref: getSchemaPath(ErrorEnvelope) },
      {
        type: 'object',
        required: ['code'],
        properties: { code: { type: 'string', enum: [...codes] } },
      },
    ],
  };
}

/**
 * Documents the error answers of a route (or of every route of a controller), each with the `ErrorEnvelope`
 * schema and the `code` values it can carry: `@ApiErrors(400, 503)` for the shared ones, or
 * `{ status, codes, description }` for the route's own. Documentation only. A status the route already documents
 * (a decorator written below this one) keeps its own. Every code must be one of ERROR_CODES.
 */
export function ApiErrors(...errors: Array<number | ApiErrorSpec>): MethodDecorator & ClassDecorator {
  const specs = errors.map((error) => resolve(typeof error === 'number' ? { status: error } : error));
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor ? (descriptor.value as object) : target;
    const apply = (decorator: MethodDecorator & ClassDecorator): void => {
      (decorator as (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => unknown)(
        target,
        key,
        descriptor,
      );
    };
    apply(ApiExtraModels(ErrorEnvelope));
    for (const { status, description, codes } of specs) {
      const existing = Reflect.getMetadata(API_RESPONSE_METADATA, holder) as
        Record<string, unknown> | undefined;
      if (existing?.[String(status)]) continue;
      apply(
        ApiResponse({
          status,
          description,
          content: { 'application/json': { schema: errorEnvelopeSchema(codes) } },
        }),
      );
    }
    return descriptor ?? target;
  }) as MethodDecorator & ClassDecorator;
}

function resolve(spec: ApiErrorSpec): Required<ApiErrorSpec> {
  const fallback = DEFAULTS[spec.status];
  const description = spec.description ?? fallback?.description;
  const codes = spec.codes ?? fallback?.codes;
  if (description === undefined || codes === undefined || codes.length === 0) {
    throw new Error(`ApiErrors: ${spec.status} needs its description and codes`);
  }
  const unknown = codes.filter((code) => !ERROR_CODES.includes(code));
  if (unknown.length > 0) throw new Error(`ApiErrors: unknown error codes ${unknown.join(', ')}`);
  return { status: spec.status, description, codes };
}
