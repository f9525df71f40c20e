import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectAdminApiOptions, ResolvedAdminApiOptions } from '../admin-api.options';
import { InternalAuthGuard } from './internal-auth.guard';

/**
 * The globally registered guard: it applies {@link InternalAuthGuard} unless the host turned our guard off
 * (`globalGuard: false`) to protect the routes with its own.
 */
@Injectable()
export class OptionalInternalAuthGuard implements CanActivate {
  constructor(
    private readonly guard: InternalAuthGuard,
    @InjectAdminApiOptions() private readonly options: ResolvedAdminApiOptions,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    return this.options.globalGuard ? this.guard.canActivate(context) : true;
  }
}
