import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ArgosClientModuleOptions } from '../config/argos-client-options.schema';
import { composeArgosClientModule } from './argos-client-module.composer';
import { ARGOS_CLIENT_MODULE_OPTIONS } from './argos-client.tokens';

/** `forRoot(options)` and `forRootAsync({ useFactory | useClass | useExisting, imports, inject })`, plus `isGlobal`. */
export const {
  ConfigurableModuleClass: ArgosClientConfigurableModule,
  OPTIONS_TYPE: ARGOS_CLIENT_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ARGOS_CLIENT_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ArgosClientModuleOptions>({
  optionsInjectionToken: ARGOS_CLIENT_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setExtras<{ isGlobal?: boolean }>({ isGlobal: false }, (definition, extras) =>
    composeArgosClientModule(definition, extras.isGlobal ?? false),
  )
  .build();
