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
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertSafeInput(value, metadata.data ?? metadata.type);
    }
    return super.transform(value, metadata);
  }
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
