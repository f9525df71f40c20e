import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ArgosApiError, argosErrors } from './argos-api.error';

/**
 * Writes Argos REST errors byte-for-byte as Argos sends them. Anything unexpected becomes the
 * gateway's plain 500, as a real vendor fault would look to the client.
 */
@Catch()
export class ArgosApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ArgosApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let error: ArgosApiError;
    if (exception instanceof ArgosApiError) {
      error = exception;
    } else if (exception instanceof HttpException && exception.getStatus() === 413) {
      error = argosErrors.tooLarge();
    } else {
      this.logger.error(`unexpected error: ${(exception as Error)?.stack ?? String(exception)}`);
      error = argosErrors.internal();
    }
    void reply
      .status(error.status)
      .header('content-type', 'application/json')
      .send(JSON.stringify(error.body));
  }
}
