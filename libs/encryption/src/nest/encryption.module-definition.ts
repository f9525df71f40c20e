import { ConfigurableModuleBuilder } from '@nestjs/common';
import { EncryptionModuleOptions } from '../project/encryption-options.interface';

export const {
  ConfigurableModuleClass: EncryptionConfigurableModule,
  MODULE_OPTIONS_TOKEN: ENCRYPTION_MODULE_OPTIONS,
  OPTIONS_TYPE: ENCRYPTION_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ENCRYPTION_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<EncryptionModuleOptions>({ moduleName: 'Encryption' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
