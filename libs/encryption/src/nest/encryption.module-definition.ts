import { ConfigurableModuleBuilder } from '@nestjs/common';
import { EncryptionModuleOptions } from '../project/encryption-options.interface';

// isGlobal: true registers the module globally, so feature modules can inject FaceAuthUrlService directly.
export const {
  ConfigurableModuleClass: EncryptionConfigurableModule,
  MODULE_OPTIONS_TOKEN: ENCRYPTION_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<EncryptionModuleOptions>({ moduleName: 'Encryption' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
