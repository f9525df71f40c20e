import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Put,
  Req,
  Res,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { IsOptional, Matches } from 'class-validator';
import { OutboundReceiverStore, OutboundReception } from './outbound-receiver.store';

class OutboundSecretDto {
  @IsOptional()
  @Matches(/^whsec_[A-Za-z0-9+/=]{16,200}$/, { message: 'secret must be a whsec_… endpoint secret' })
  secret?: string | null;
}

/**
 * Receives faceauth's signed outbound webhooks, as a company's system would: verifies each with the
 * `standardwebhooks` library (answering 401 when a secret is set and the signature does not verify) and
 * lists what arrived (`GET /__sandbox/outbound`). The demo (`npm start`) registers it as an endpoint.
 */
@Controller('__sandbox/outbound')
export class OutboundReceiverController {
  constructor(private readonly store: OutboundReceiverStore) {}

  @Put('secret')
  @HttpCode(204)
  @UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
  setSecret(@Body() dto: OutboundSecretDto): void {
    this.store.setSecret(dto.secret ?? null);
  }

  @Get()
  list(): readonly OutboundReception[] {
    return this.store.list();
  }

  @Post()
  receive(
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Headers() headers: Record<string, string>,
    @Res() reply: FastifyReply,
  ): void {
    const raw = request.rawBody?.toString('utf8') ?? '';
    const secret = this.store.currentSecret();
    let problem: string | null = secret ? null : 'no secret set (PUT /__sandbox/outbound/secret)';
    if (secret) {
      try {
        new Webhook(secret).verify(raw, headers);
      } catch (error) {
        problem = error instanceof WebhookVerificationError ? error.message : 'unverifiable';
      }
    }
    const event = parse(raw);
    this.store.add({
      webhookId: headers['webhook-id'] ?? null,
      type: typeof event?.type === 'string' ? event.type : null,
      receivedAt: new Date().toISOString(),
      verified: problem === null,
      problem,
      event,
    });
    void reply.status(secret && problem ? 401 : 204).send();
  }
}

function parse(raw: string): { type?: unknown } | null {
  try {
    return JSON.parse(raw) as { type?: unknown };
  } catch {
    return null;
  }
}
