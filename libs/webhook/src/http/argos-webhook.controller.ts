import { applyDecorators, Body, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { WebhookIntakeService } from '../intake/webhook-intake.service';
import { WebhookErrorCode } from '../webhook.error';

export class WebhookAckDto {
  @ApiProperty() received!: boolean;
  @ApiProperty({ description: 'True when this notification had been received before' }) duplicate!: boolean;
}

/**
 * The `code` values of each error answer (`x-error-codes`): the webhook's own refusals, and the framework's
 * for a body that is not JSON or too large. The host's error filter writes the body, so the lib names the
 * codes and the service's OpenAPI document turns them into the error envelope with `code` narrowed to them.
 */
export const WEBHOOK_ERROR_CODES: Readonly<Record<number, readonly string[]>> = {
  400: [WebhookErrorCode.MALFORMED_PAYLOAD, WebhookErrorCode.UNDECRYPTABLE_PAYLOAD, 'BAD_REQUEST'],
  401: [WebhookErrorCode.BAD_SECRET],
  403: [WebhookErrorCode.SOURCE_NOT_ALLOWED],
  413: ['PAYLOAD_TOO_LARGE'],
  503: ['DATABASE_UNAVAILABLE'],
};

/**
 * The webhook's documentation: public for the internal-key guard (`x-public`; stated per route because a
 * class-level extension does not reach the per-mount subclass's inherited routes), and its error answers
 * with their codes ({@link WEBHOOK_ERROR_CODES}).
 */
const WebhookDocs = (): MethodDecorator =>
  applyDecorators(
    ApiExtension('x-public', true),
    ApiExtension('x-error-codes', WEBHOOK_ERROR_CODES),
    ApiResponse({
      status: 400,
      description:
        'WEBHOOK_MALFORMED_PAYLOAD: not an Argos webhook; WEBHOOK_UNDECRYPTABLE_PAYLOAD: an encrypted body no ' +
        "project's key opens; BAD_REQUEST: the body is not JSON",
    }),
    ApiResponse({ status: 401, description: 'WEBHOOK_BAD_SECRET: the secret is missing or wrong' }),
    ApiResponse({
      status: 403,
      description: 'WEBHOOK_SOURCE_NOT_ALLOWED: the source address is not allowed',
    }),
    ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: the body is over the size limit' }),
    ApiResponse({
      status: 503,
      description: 'DATABASE_UNAVAILABLE: the inbox cannot be written; Argos retries later',
    }),
  );

/**
 * Receives Argos webhooks. Mounted by `WebhookModule` at a configurable path (see `webhookController`)
 * and marked public for the internal-key guard: it has its own checks.
 */
export class ArgosWebhookController {
  constructor(private readonly intake: WebhookIntakeService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Argos webhook (faceAuth results, token_expired)' })
  @ApiOkResponse({ type: WebhookAckDto })
  @WebhookDocs()
  receive(
    @Body() body: unknown,
    @Query('secret') secret: string | undefined,
    @Req() req: { ip?: string },
  ): Promise<WebhookAckDto> {
    return this.ack(body, secret, req.ip);
  }

  @Post(':secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Argos webhook with the secret in the path' })
  @ApiOkResponse({ type: WebhookAckDto })
  @WebhookDocs()
  receiveWithPathSecret(
    @Body() body: unknown,
    @Param('secret') secret: string,
    @Req() req: { ip?: string },
  ): Promise<WebhookAckDto> {
    return this.ack(body, secret, req.ip);
  }

  private async ack(
    body: unknown,
    secret: string | undefined,
    ip: string | undefined,
  ): Promise<WebhookAckDto> {
    const outcome = await this.intake.receive({ body, secret, sourceIp: ip });
    return { received: true, duplicate: outcome.duplicate };
  }
}
