import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyPrincipal } from './api-key-principal';
import { ApiKeyRegistry } from './api-key.registry';
import { AuthError } from './auth.error';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.metadata';
import { grants, Scope } from './scope.enum';

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: ApiKeyPrincipal;
}

/**
 * Deny by default: a route is reachable without a key only when marked `@Public()`. A route without
 * `@RequireScopes()` needs an `admin` key, so a forgotten decorator fails closed.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ApiKeyRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required = this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [Scope.ADMIN];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = presentedKey(request.headers);
    const principal = presented ? await this.registry.authenticate(presented) : null;
    if (!principal) throw AuthError.unauthenticated();
    if (!grants(principal.scopes, required)) throw AuthError.missingScope(required);
    request.principal = principal;
    return true;
  }
}

function presentedKey(headers: AuthenticatedRequest['headers']): string | null {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : null;
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 ? apiKey : null;
}
