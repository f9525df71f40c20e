import { applyDecorators, Controller, Type } from '@nestjs/common';
import { ApiExtension, ApiTags } from '@nestjs/swagger';
import { WebhookIntakeService } from '../intake/webhook-intake.service';
import { ArgosWebhookController } from './argos-webhook.controller';

/**
 * A webhook controller class mounted at `path`: one subclass per module instance, so that the host
 * chooses the path. `extra` decorators are applied too (e.g. the admin API's `Public()`, so that a
 * deny-by-default guard lets Argos through to the webhook's own checks).
 */
export function webhookController(path: string, ...extra: ClassDecorator[]): Type<ArgosWebhookController> {
  class MountedArgosWebhookController extends ArgosWebhookController {}
  Reflect.defineMetadata('design:paramtypes', [WebhookIntakeService], MountedArgosWebhookController);
  applyDecorators(
    Controller(path),
    ApiTags('webhooks'),
    ApiExtension('x-public', true),
    ...extra,
  )(MountedArgosWebhookController);
  return MountedArgosWebhookController;
}
