import { CanActivate, ExecutionContext, Injectable, Type } from '@nestjs/common';
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

type Handler = ReturnType<ExecutionContext['getHandler']>;

/** What a route requires, read once from its decorators: open, or a key with every listed scope. */
type RouteRule = { public: true } | { public: false; required: readonly Scope[] };

/**
 * Deny by default: a route is reachable without a key only when marked `@Public()`. A route without
 * `@RequireScopes()` needs an `admin` key, so a forgotten decorator fails closed.
 *
 * Runs on every request, so it answers synchronously when it can: each route's rule is read from its
 * metadata once (decorators do not change at run time), and the key is looked up in memory unless the
 * registry's copy is due for a refresh, the one case that waits for the database.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  // By controller, then by handler: an inherited handler may sit under controllers with different rules.
  private readonly rules = new WeakMap<Type, Map<Handler, RouteRule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleFor(context.getClass(), context.getHandler());
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = presentedKey(request.headers);
    if (!presented) throw AuthError.unauthenticated();
    if (this.registry.isStale()) {
      return this.registry
        .authenticate(presented)
        .then((principal) => admit(request, principal, rule.required));
    }
    return admit(request, this.registry.lookup(presented), rule.required);
  }

  private ruleFor(controller: Type, handler: Handler): RouteRule {
    let byHandler = this.rules.get(controller);
    if (!byHandler) {
      byHandler = new Map();
      this.rules.set(controller, byHandler);
    }
    let rule = byHandler.get(handler);
    if (!rule) {
      const targets = [handler, controller];
      rule = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)
        ? { public: true }
        : {
            public: false,
            required: this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [Scope.ADMIN],
          };
      byHandler.set(handler, rule);
    }
    return rule;
  }
}

function admit(
  request: AuthenticatedRequest,
  principal: ApiKeyPrincipal | null,
  required: readonly Scope[],
): true {
  if (!principal) throw AuthError.unauthenticated();
  if (!grants(principal.scopes, required)) throw AuthError.missingScope(required);
  request.principal = principal;
  return true;
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
