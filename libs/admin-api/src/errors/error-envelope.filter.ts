import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { describeError } from './error-description';
import { ErrorEnvelope } from './error-envelope';

interface ReplyLike {
  status(code: number): ReplyLike;
  headers(values: Record<string, string>): ReplyLike;
  send(body: unknown): unknown;
}

/** Every error answer of the HTTP face, in one envelope `{statusCode, code, message, requestId}`. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorEnvelope');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ id?: string }>();
    const reply = http.getResponse<ReplyLike>();
    const envelope = buildEnvelope(exception, request.id ?? 'unknown', this.logger);
    reply.status(envelope.statusCode).headers(envelope.headers).send(envelope.body);
  }
}

/** Shared by the Nest filter and the raw Fastify error handler (errors raised before routing). */
export function buildEnvelope(
  exception: unknown,
  requestId: string,
  logger: Pick<Logger, 'error'>,
): { statusCode: number; headers: Record<string, string>; body: ErrorEnvelope } {
  const description = describeError(exception);
  if (description.unexpected) {
    const name = exception instanceof Error ? exception.name : typeof exception;
    logger.error(
      `Unexpected ${name} on request ${requestId}`,
      exception instanceof Error ? exception.stack : undefined,
    );
  }
  return {
    statusCode: description.statusCode,
    headers: description.headers,
    body: {
      statusCode: description.statusCode,
      code: description.code,
      message: description.message,
      requestId,
      ...(description.checks ? { checks: description.checks } : {}),
    },
  };
}
