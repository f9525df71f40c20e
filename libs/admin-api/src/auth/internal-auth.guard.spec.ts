import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyPrincipal } from './api-key-principal';
import { ApiKeyRegistry } from './api-key.registry';
import { AuthErrorCode } from './auth.error';
import { Public, RequireScopes } from './auth.metadata';
import { InternalAuthGuard } from './internal-auth.guard';
import { Scope } from './scope.enum';

class BaseController {
  read(): string {
    return 'ok';
  }
}
@Public()
class OpenController extends BaseController {}
@RequireScopes(Scope.LINKS_READ)
class ScopedController extends BaseController {}
class UndecoratedController extends BaseController {}

const READER: ApiKeyPrincipal = { keyName: 'reader', source: 'config', scopes: new Set([Scope.LINKS_READ]) };

/** The registry's contract as the guard uses it: a key in memory, and whether that copy is stale. */
function registry(stale: boolean): ApiKeyRegistry {
  const lookup = (key: string): ApiKeyPrincipal | null => (key === 'reader-key' ? READER : null);
  return {
    isStale: () => stale,
    lookup,
    authenticate: (key: string) => Promise.resolve(lookup(key)),
  } as unknown as ApiKeyRegistry;
}

function context(controller: object, headers: Record<string, string> = {}) {
  const request: { headers: Record<string, string>; principal?: ApiKeyPrincipal } = { headers };
  const ctx = {
    getClass: () => controller,
    getHandler: () => BaseController.prototype.read,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('InternalAuthGuard', () => {
  it('keeps one rule per controller for a handler they inherit, however often it is asked', () => {
    const guard = new InternalAuthGuard(new Reflector(), registry(false));
    for (let i = 0; i < 3; i++) {
      expect(guard.canActivate(context(OpenController).ctx)).toBe(true);
      expect(codeOf(() => guard.canActivate(context(ScopedController).ctx))).toBe(
        AuthErrorCode.UNAUTHENTICATED,
      );
    }
  });

  it('answers synchronously from the keys in memory and attaches the principal', () => {
    const guard = new InternalAuthGuard(new Reflector(), registry(false));
    const { ctx, request } = context(ScopedController, { 'x-api-key': 'reader-key' });
    expect(guard.canActivate(ctx)).toBe(true);
    expect(request.principal).toBe(READER);
    expect(
      codeOf(() => guard.canActivate(context(ScopedController, { authorization: 'Bearer other' }).ctx)),
    ).toBe(AuthErrorCode.UNAUTHENTICATED);
  });

  it('fails closed: a route without @RequireScopes needs an admin key', () => {
    const guard = new InternalAuthGuard(new Reflector(), registry(false));
    expect(
      codeOf(() => guard.canActivate(context(UndecoratedController, { 'x-api-key': 'reader-key' }).ctx)),
    ).toBe(AuthErrorCode.MISSING_SCOPE);
  });

  it('waits for the refresh when the keys in memory are stale', async () => {
    const guard = new InternalAuthGuard(new Reflector(), registry(true));
    const allowed = guard.canActivate(context(ScopedController, { 'x-api-key': 'reader-key' }).ctx);
    expect(allowed).toBeInstanceOf(Promise);
    await expect(allowed).resolves.toBe(true);
    await expect(
      guard.canActivate(context(UndecoratedController, { 'x-api-key': 'reader-key' }).ctx),
    ).rejects.toMatchObject({ code: AuthErrorCode.MISSING_SCOPE });
  });
});
