import { Module } from '@nestjs/common';
import { AxiosInstance } from 'axios';
import { resolveArgosClientOptions } from '../config/argos-client-options.resolver';
import { createArgosAxiosInstance } from '../http/argos-axios.factory';
import { AxiosArgosTransport } from '../http/argos-http.transport';
import { ArgosClientRegistry } from './argos-client.registry';
import { ArgosClientConfigurableModule } from './argos-client.module-definition';
import {
  ARGOS_CLIENT,
  ARGOS_CLIENT_MODULE_OPTIONS,
  ARGOS_CLIENT_OPTIONS,
  ARGOS_AXIOS_INSTANCE,
  ARGOS_TRANSPORT,
} from './argos-client.tokens';

/**
 * The Argos Add-on API client as a Nest module.
 *
 * ```ts
 * ArgosClientModule.forRoot({ projects: [{ name: 'default', apiKey }], isGlobal: true })
 * ArgosClientModule.forRootAsync({ imports: [ConfigModule], inject: [ConfigService], useFactory: (c) => … })
 * ```
 * Options are validated when the module initialises (`ArgosConfigError` naming the wrong option).
 * Provides and exports `ArgosClientRegistry`, the default project's client (`InjectArgosClient()`)
 * and the resolved options (`InjectArgosClientOptions()`).
 */
@Module({
  providers: [
    {
      provide: ARGOS_CLIENT_OPTIONS,
      useFactory: resolveArgosClientOptions,
      inject: [ARGOS_CLIENT_MODULE_OPTIONS],
    },
    { provide: ARGOS_AXIOS_INSTANCE, useFactory: createArgosAxiosInstance, inject: [ARGOS_CLIENT_OPTIONS] },
    {
      provide: ARGOS_TRANSPORT,
      useFactory: (axios: AxiosInstance) => new AxiosArgosTransport(axios),
      inject: [ARGOS_AXIOS_INSTANCE],
    },
    ArgosClientRegistry,
    {
      provide: ARGOS_CLIENT,
      useFactory: (registry: ArgosClientRegistry) => registry.get(),
      inject: [ArgosClientRegistry],
    },
  ],
  exports: [ArgosClientRegistry, ARGOS_CLIENT, ARGOS_CLIENT_OPTIONS],
})
export class ArgosClientModule extends ArgosClientConfigurableModule {}
