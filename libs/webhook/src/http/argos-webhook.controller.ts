import { applyDecorators, Body, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { WebhookIntakeService } from '../intake/webhook-intake.service';

export class WebhookAckDto {
  @ApiProperty() received!: boolean;
  @ApiProperty({ description: 'True when this notification had been received before' }) duplicate!: boolean;
}

/**
 * The webhook's documentation: public for the internal-key guard (`x-public`; stated per route because a
 * class-level extension does not reach the per-mount subclass's inherited routes), and its error answers.
 * The host's error filter gives those their body (the service's error envelope, which its OpenAPI document
 * attaches), so only statuses and descriptions are stated here.
 */
const WebhookDocs = (): MethodDecorator =>
  applyDecorators(
    ApiExtension('x-public', true),
    ApiResponse({ status: 400, description: 'Malformed or undecryptable body' }),
    ApiResponse({ status: 401, description: 'Missing or wrong secret' }),
    ApiResponse({ status: 403, description: 'Source address not allowed' }),
    ApiResponse({ status: 413, description: 'Body too large' }),
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
