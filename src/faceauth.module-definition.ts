import { ConfigurableModuleBuilder } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { FaceAuthModuleOptions } from './options/faceauth-module.options';

/** Decided when the module is declared (they shape routes and providers), so not part of async options. */
export interface FaceAuthModuleExtras {
  /** Mount the admin API controllers (default true). Use Nest's RouterModule to put them under a prefix. */
  adminControllers?: boolean;
  /** Mount the Argos webhook controller (default true) at `webhookPath` (default `webhooks/argos`). */
  webhookController?: boolean;
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
    { adminControllers: true, webhookController: true, webhookPath: 'webhooks/argos' },
    (definition) => definition,
  )
  .build();
