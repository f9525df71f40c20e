import { ConfigurableModuleBuilder, Type } from '@nestjs/common';
import { AdminApiModuleOptions } from './admin-api.options';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { LinksController } from './links/links.controller';
import { ShortLinkController } from './links/short-link.controller';
import { ResultsController } from './results/results.controller';
import { WebhookInboxController } from './webhooks/webhook-inbox.controller';
import { MetricsController } from './metrics/metrics.controller';
import { CleanupController } from './cleanup/cleanup.controller';
import { LegalHoldController } from './cleanup/legal-hold.controller';
import { UserBiometricsController } from './cleanup/user-biometrics.controller';
import { MultipartBodyRegistrar } from './http/multipart-body.registrar';
import { NotificationEndpointsController } from './notifications/notification-endpoints.controller';

/** Every admin controller; mounted unless the host opts out (`controllers: false`). */
export const ADMIN_API_CONTROLLERS: Type[] = [
  ApiKeysController,
  LinksController,
  ShortLinkController,
  ResultsController,
  WebhookInboxController,
  CleanupController,
  LegalHoldController,
  UserBiometricsController,
  NotificationEndpointsController,
  MetricsController,
];

export interface AdminApiModuleExtras {
  isGlobal?: boolean;
  /** Mount the admin controllers (default true). Mount them under a prefix with Nest's RouterModule. */
  controllers?: boolean;
}

export const {
  ConfigurableModuleClass: AdminApiConfigurableModule,
  MODULE_OPTIONS_TOKEN: ADMIN_API_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<AdminApiModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras<AdminApiModuleExtras>({ isGlobal: false, controllers: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    controllers: extras.controllers === false ? [] : ADMIN_API_CONTROLLERS,
    // The multipart pass-through serves POST /v1/faceauth only: a host without our controllers keeps
    // Fastify's own answer (415) for multipart bodies.
    providers:
      extras.controllers === false
        ? definition.providers
        : [...(definition.providers ?? []), MultipartBodyRegistrar],
  }))
  .build();
