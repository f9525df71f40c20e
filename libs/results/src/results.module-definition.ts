import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ResultsModuleOptions } from './results.options';

export const {
  ConfigurableModuleClass: ResultsConfigurableModule,
  MODULE_OPTIONS_TOKEN: RESULTS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<ResultsModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
