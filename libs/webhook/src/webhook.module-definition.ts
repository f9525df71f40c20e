import { ConfigurableModuleBuilder } from '@nestjs/common';
import { webhookController } from './http/webhook-controller.factory';
import { WebhookModuleOptions } from './webhook.options';

export interface WebhookModuleExtras {
  isGlobal?: boolean;
  /** Mount the webhook controller (default true) at `path` (default `webhooks/argos`). */
  controller?: boolean;
  path?: string;
  /** Decorators for the mounted controller, e.g. the admin API's `Public()`. */
  controllerDecorators?: ClassDecorator[];
}

export const {
  ConfigurableModuleClass: WebhookConfigurableModule,
  MODULE_OPTIONS_TOKEN: WEBHOOK_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<WebhookModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras<WebhookModuleExtras>(
    { isGlobal: false, controller: true, path: 'webhooks/argos', controllerDecorators: [] },
    (definition, extras) => ({
      ...definition,
      global: extras.isGlobal,
      controllers: extras.controller
        ? [webhookController(extras.path ?? 'webhooks/argos', ...(extras.controllerDecorators ?? []))]
        : [],
    }),
  )
  .build();
