import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { ProjectRegistry } from '../state/project.registry';
import { WebhookDeliveryStore } from '../webhooks/webhook-delivery.store';
import type { WebhookDelivery } from '../webhooks/webhook-delivery.type';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';
import { DropNextDto, DuplicateNextDto } from './control-runtime.dto';

/** Control API: webhook deliveries and the drop / duplicate / resend switches. */
@Controller('__sandbox/webhooks')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class ControlWebhooksController {
  constructor(
    private readonly deliveries: WebhookDeliveryStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly projects: ProjectRegistry,
  ) {}

  /** Every delivery, oldest first; `?settle=true` first waits (up to 10 s) for pending retries. */
  @Get()
  async list(@Query('settle') settle?: string): Promise<WebhookDelivery[]> {
    if (settle === 'true' || settle === '1') await this.dispatcher.whenIdle();
    return this.deliveries.list();
  }

  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id') id: string): WebhookDelivery {
    const original = this.deliveries.find(id);
    if (!original) throw new NotFoundException(`no webhook delivery ${id}`);
    return this.dispatcher.resend(original, this.projects.findByPid(original.pid));
  }

  @Post('drop-next')
  @HttpCode(200)
  dropNext(@Body() dto: DropNextDto): ReturnType<WebhookDeliveryStore['switches']> {
    this.deliveries.dropNext(dto.count);
    return this.deliveries.switches();
  }

  @Post('duplicate-next')
  @HttpCode(200)
  duplicateNext(@Body() dto: DuplicateNextDto): ReturnType<WebhookDeliveryStore['switches']> {
    this.deliveries.duplicateNext(dto.count, dto.times ?? 2);
    return this.deliveries.switches();
  }
}
