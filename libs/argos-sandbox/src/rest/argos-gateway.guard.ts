import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProjectRegistry, SandboxProject } from '../state/project.registry';
import { argosErrors } from './argos-api.error';
import { isIpAllowed } from './ip-allowlist';

// The project the API key resolved to, handed from the guard to the handler.
const projectOf = new WeakMap<FastifyRequest, SandboxProject>();

/**
 * What Argos' API gateway checks before an endpoint runs, in this order: the Add-on API key
 * (it names the project), the project's IP allowlist, then the declared body size against the
 * project's limit (multipart bodies without a length are also capped while streaming).
 */
@Injectable()
export class ArgosGatewayGuard implements CanActivate {
  constructor(private readonly projects: ProjectRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['x-api-key'];
    const project = typeof key === 'string' && key ? this.projects.findByApiKey(key) : undefined;
    if (!project) throw argosErrors.forbidden();
    if (!isIpAllowed(request.ip, project.ipAllowlist)) throw argosErrors.ipDenied();
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > project.bodyLimitBytes) throw argosErrors.tooLarge();
    projectOf.set(request, project);
    return true;
  }
}

/** The FaceAuth project of the calling API key (only on routes behind `ArgosGatewayGuard`). */
export const CallerProject = createParamDecorator((_: unknown, context: ExecutionContext): SandboxProject => {
  const project = projectOf.get(context.switchToHttp().getRequest<FastifyRequest>());
  if (!project) throw argosErrors.internal();
  return project;
});
