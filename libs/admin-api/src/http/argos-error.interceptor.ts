import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ArgosClientError } from '@faceauth/argos-client';
import { argosFailureToDomainError } from '../errors/argos-upstream.error';

/** Converts Argos client failures into domain exceptions, which the envelope filter maps to HTTP. */
@Injectable()
export class ArgosErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => (error instanceof ArgosClientError ? argosFailureToDomainError(error) : error)),
        ),
      );
  }
}
