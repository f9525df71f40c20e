import { ConfigurableModuleBuilder } from '@nestjs/common';
import { NotificationsModuleOptions } from './notifications.options';

export interface NotificationsModuleExtras {
  isGlobal?: boolean;
}

export const {
  ConfigurableModuleClass: NotificationsConfigurableModule,
  MODULE_OPTIONS_TOKEN: NOTIFICATIONS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<NotificationsModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras<NotificationsModuleExtras>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
