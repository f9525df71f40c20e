import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { IsNull, Repository } from 'typeorm';
import { InternalApiKeyEntity } from '@faceauth/admin-api';

const REQUIRED_SCOPE = 'peer:required-scope';

/** The scope a route requires; a route without one is public. */
export const RequireScope = (scope: string): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPE, scope);

/**
 * The global guard (APP_GUARD) as a Nest team usually writes it: the route's scope from its metadata
 * (Reflector), the presented key (`x-api-key` or `Authorization: Bearer`) hashed with SHA-256, looked up in
 * the keys table through a TypeORM repository on every request, compared in constant time, its scope
 * checked (`admin` grants all). The same checks as the bare server's `bareKeyAllows`, with the key read
 * from the database instead of a map in memory.
 */
@Injectable()
export class PeerApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectRepository(InternalApiKeyEntity) private readonly keys: Repository<InternalApiKeyEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (scope === undefined) return true;
    const presented = presentedKey(context.switchToHttp().getRequest<FastifyRequest>());
    if (presented === null) throw new UnauthorizedException('API key required');
    const digest = createHash('sha256').update(presented).digest();
    const key = await this.keys.findOneBy({ keyHash: digest.toString('hex'), revokedAt: IsNull() });
    if (key === null || !timingSafeEqual(Buffer.from(key.keyHash, 'hex'), digest))
      throw new UnauthorizedException('Unknown API key');
    if (!key.scopes.includes(scope) && !key.scopes.includes('admin'))
      throw new ForbiddenException(`This key lacks the ${scope} scope`);
    return true;
  }
}

function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const authorization = request.headers.authorization;
  return typeof authorization === 'string' && authorization.startsWith('Bearer ')
    ? authorization.slice(7)
    : null;
}
