import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuthErrorCode } from './auth.error';
import { Scope } from './scope.enum';

export const PUBLIC_ROUTE = Symbol('faceauth:public-route');
export const REQUIRED_SCOPES = Symbol('faceauth:required-scopes');

/** Opens a route to callers without an internal API key (health, webhooks, short links). Deliberate. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/**
 * Requires an internal API key holding every listed scope; documents the security schemes and the
 * 401/403 answers in the OpenAPI document.
 */
export function RequireScopes(...scopes: Scope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiExtension('x-required-scopes', scopes),
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
    ApiErrors(
      {
        status: 401,
        description: 'UNAUTHENTICATED: no valid internal API key',
        codes: [AuthErrorCode.UNAUTHENTICATED],
      },
      {
        status: 403,
        description: `MISSING_SCOPE: the key lacks a scope: ${scopes.join(', ')}`,
        codes: [AuthErrorCode.MISSING_SCOPE],
      },
    ),
  );
}
