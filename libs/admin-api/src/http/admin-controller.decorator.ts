import { applyDecorators, Controller, UseFilters, UsePipes } from '@nestjs/common';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter';
import { createValidationPipe } from './validation.pipe';

/**
 * A controller of the admin API that carries its own strict validation and error envelope, so that it
 * behaves the same when mounted in a host application that has neither globally.
 */
export function AdminController(path: string): ClassDecorator {
  return applyDecorators(Controller(path), UsePipes(createValidationPipe()), UseFilters(ErrorEnvelopeFilter));
}
