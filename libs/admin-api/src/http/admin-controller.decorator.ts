import { applyDecorators, Controller, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { InternalAuthGuard } from '../auth/internal-auth.guard';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter';
import { createValidationPipe } from './validation.pipe';

/**
 * A controller of the admin API that carries its own internal-auth guard, strict validation and error envelope,
 * so that it behaves the same when mounted in a host application that has none of them globally, and so that
 * the host's own routes never meet our guard. Deny by default: a route needs `@RequireScopes()` (else `admin`)
 * or a deliberate `@Public()`.
 */
export function AdminController(path: string): ClassDecorator {
  return applyDecorators(
    Controller(path),
    UseGuards(InternalAuthGuard),
    UsePipes(createValidationPipe()),
    UseFilters(ErrorEnvelopeFilter),
  );
}
