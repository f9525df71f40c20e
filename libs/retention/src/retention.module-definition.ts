import { ConfigurableModuleBuilder } from '@nestjs/common';
import { RetentionModuleOptions } from './retention.options';

export const {
  ConfigurableModuleClass: RetentionConfigurableModule,
  MODULE_OPTIONS_TOKEN: RETENTION_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<RetentionModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
