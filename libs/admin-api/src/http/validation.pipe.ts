import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';

/**
 * Strict input: unknown fields are rejected (not silently dropped) and every failure names its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
  });
}
