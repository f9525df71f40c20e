import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HostedPageError, HostedPageErrorCode, hostedPageErrorStatus } from './hosted-page.error';
import { renderErrorPage } from './hosted-page.renderer';

/** Renders hosted-page refusals as HTML error pages with their stable code; anything else is a 500 page. */
@Catch()
export class HostedPageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HostedPage');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const lang = langOf(http.getRequest<FastifyRequest>());
    if (exception instanceof HostedPageError) {
      const detail = exception.code === HostedPageErrorCode.DECRYPTION_FAILED ? exception.message : undefined;
      void reply
        .status(hostedPageErrorStatus(exception.code))
        .header('content-type', 'text/html; charset=utf-8')
        .send(renderErrorPage(exception.code, lang, detail));
      return;
    }
    this.logger.error(`unexpected error: ${(exception as Error)?.stack ?? String(exception)}`);
    void reply
      .status(500)
      .header('content-type', 'text/html; charset=utf-8')
      .send('<!doctype html><p>Internal error</p>');
  }
}

function langOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.lang === 'string' ? query.lang : undefined;
}
