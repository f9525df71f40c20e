import { ConfigurableModuleBuilder } from '@nestjs/common';
import { AdminApiModuleOptions } from './admin-api.options';

export const {
  ConfigurableModuleClass: AdminApiConfigurableModule,
  MODULE_OPTIONS_TOKEN: ADMIN_API_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<AdminApiModuleOptions>().setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
