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

/** The admin controllers, by group: each group is mounted only when the host asks for it. */
export type AdminApiControllerGroup = 'adminApi' | 'shortLinks' | 'metrics';

export const ADMIN_API_CONTROLLER_GROUPS: Readonly<Record<AdminApiControllerGroup, Type[]>> = {
  /** The internal admin API under /v1 (keys, links, results, inbox, cleanup, notification endpoints). */
  adminApi: [
    ApiKeysController,
    LinksController,
    ResultsController,
    WebhookInboxController,
    CleanupController,
    LegalHoldController,
    UserBiometricsController,
    NotificationEndpointsController,
  ],
  /** `GET /l/:id`, where a minted link's `shortUrl` points. */
  shortLinks: [ShortLinkController],
  /** `GET /metrics` (Prometheus). */
  metrics: [MetricsController],
};

export interface AdminApiModuleExtras {
  isGlobal?: boolean;
  /** The controller groups to mount (default none). Mount them under a prefix with Nest's RouterModule. */
  controllers?: Partial<Record<AdminApiControllerGroup, boolean>>;
}

const mounted = (groups: AdminApiModuleExtras['controllers'] = {}): Type[] =>
  (Object.keys(ADMIN_API_CONTROLLER_GROUPS) as AdminApiControllerGroup[])
    .filter((group) => groups[group] === true)
    .flatMap((group) => ADMIN_API_CONTROLLER_GROUPS[group]);

export const {
  ConfigurableModuleClass: AdminApiConfigurableModule,
  MODULE_OPTIONS_TOKEN: ADMIN_API_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<AdminApiModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras<AdminApiModuleExtras>({ isGlobal: false, controllers: {} }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    controllers: mounted(extras.controllers),
    // The multipart pass-through serves POST /v1/faceauth only: a host without the admin API keeps
    // Fastify's own answer (415) for multipart bodies.
    providers:
      extras.controllers?.adminApi === true
        ? [...(definition.providers ?? []), MultipartBodyRegistrar]
        : definition.providers,
  }))
  .build();
