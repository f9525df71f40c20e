import { Module } from '@nestjs/common';
import { resolveArgosClientOptions } from '../config/argos-client-options.resolver';
import { ARGOS_CLIENT_MODULE_OPTIONS, ARGOS_CLIENT_OPTIONS } from './argos-client.tokens';

/**
 * Holds the options given to `ArgosClientModule.forRoot`/`forRootAsync` and resolves them once
 * (`ArgosConfigError` at boot). A module of its own so that both `ArgosClientModule` and the `HttpModule`
 * that builds its axios instance can import the resolved options; `composeArgosClientModule` wires it.
 */
@Module({
  providers: [
    {
      provide: ARGOS_CLIENT_OPTIONS,
      useFactory: resolveArgosClientOptions,
      inject: [ARGOS_CLIENT_MODULE_OPTIONS],
    },
  ],
  exports: [ARGOS_CLIENT_OPTIONS],
})
export class ArgosClientOptionsModule {}
