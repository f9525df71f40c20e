import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { metadataProblem } from '@faceauth/token-policy';
import { RequestValidationError } from '../errors/request-validation.error';

/**
 * Applies the metadata rule to the body as it was sent, before the validation pipe: that pipe silently
 * deletes `constructor` keys (prototype-pollution guard), which would drop a metadata entry instead of
 * refusing it. Interceptors run before pipes; the DTO's own rule checks the rest again.
 */
@Injectable()
export class LinkMetadataInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const metadata = isRecord(body) ? body.metadata : undefined;
    const problem = metadata === null ? null : metadataProblem(metadata);
    if (problem) throw new RequestValidationError([problem.field], problem.message);
    return next.handle();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
