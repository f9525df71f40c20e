import { ConfigurableModuleBuilder } from '@nestjs/common';
import { TokenPolicyModuleOptions } from './token-policy.options';

export const {
  ConfigurableModuleClass: TokenPolicyConfigurableModule,
  MODULE_OPTIONS_TOKEN: TOKEN_POLICY_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<TokenPolicyModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
