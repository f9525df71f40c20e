import { ConfigurableModuleBuilder } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { FaceAuthModuleOptions } from './options/faceauth-module.options';

/** Decided when the module is declared (they shape routes and providers), so not part of async options. */
/**
 * The module's HTTP routes, by group. A library mounts none unless asked (a host's routes and schema are
 * its own); the service mounts them all. Put them under a prefix with Nest's RouterModule.
 */
export interface FaceAuthControllers {
  /** The internal admin API under /v1: keys, links, results, inbox, cleanup, notification endpoints. */
  adminApi?: boolean;
  /** `GET /l/:id`, where a minted link's `shortUrl` points (public, rate-limited). */
  shortLinks?: boolean;
  /** `GET /metrics` (Prometheus; `metrics:read`). */
  metrics?: boolean;
  /** `POST <webhookPath>`, Argos' webhooks (public: authenticated by the webhook's own checks). */
  webhook?: boolean;
}

export interface FaceAuthModuleExtras {
  /** The controller groups to mount (default: none). */
  controllers?: FaceAuthControllers;
  /** Where the Argos webhook controller listens (default `webhooks/argos`). */
  webhookPath?: string;
  /** Time source of every rule (default: the system clock); tests pass a manual clock. */
  clock?: Clock;
}

export const {
  ConfigurableModuleClass: FaceAuthConfigurableModule,
  MODULE_OPTIONS_TOKEN: FACEAUTH_MODULE_OPTIONS,
  OPTIONS_TYPE: FACEAUTH_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: FACEAUTH_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<FaceAuthModuleOptions>({ moduleName: 'FaceAuth' })
  .setClassMethodName('forRoot')
  .setExtras<FaceAuthModuleExtras>(
    { controllers: {}, webhookPath: 'webhooks/argos' },
    (definition) => definition,
  )
  .build();
