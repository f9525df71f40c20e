import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';
import { assertSafeInput } from './unsafe-input.finder';

/**
 * Strict input: unknown fields are rejected (not silently dropped) and every failure names its field.
 * Before any of that, bodies, queries and path parameters are walked once (iteratively) for NUL, unpaired
 * surrogates and excessive nesting: one rule on both database engines, and no recursion in
 * class-transformer over a body nested thousands of levels deep.
 */
class AdminValidationPipe extends ValidationPipe {
  /** Query DTOs that an empty query string has passed once: for them, `{}` always gives `new Dto()`. */
  private readonly emptyQueryPasses = new WeakSet<object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const emptyQuery = metadata.type === 'query' && metadata.metatype !== undefined && isEmptyObject(value);
    // Most reads carry no query at all (GET /v1/links/:id): validating `{}` against the same class gives the
    // same answer every time, and class-validator's run costs more than the rest of the route's validation.
    // `plainToInstance(Dto, {})` is `new Dto()` for DTOs without @Expose (none of ours has one).
    if (emptyQuery && this.emptyQueryPasses.has(metadata.metatype as object)) {
      return new (metadata.metatype as new () => unknown)();
    }
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertSafeInput(value, metadata.data ?? metadata.type);
    }
    const transformed: unknown = await super.transform(value, metadata);
    if (emptyQuery) this.emptyQueryPasses.add(metadata.metatype as object);
    return transformed;
  }
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

export function createValidationPipe(): ValidationPipe {
  return new AdminValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
  });
}
