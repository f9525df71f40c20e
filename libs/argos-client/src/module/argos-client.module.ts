import { HttpService } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { AxiosArgosTransport } from '../http/argos-http.transport';
import { ArgosClientRegistry } from './argos-client.registry';
import { ArgosClientConfigurableModule } from './argos-client.module-definition';
import { ARGOS_CLIENT, ARGOS_TRANSPORT } from './argos-client.tokens';

/**
 * The Argos Add-on API client as a Nest module.
 *
 * ```ts
 * ArgosClientModule.forRoot({ projects: [{ name: 'default', apiKey }], isGlobal: true })
 * ArgosClientModule.forRootAsync({ imports: [ConfigModule], inject: [ConfigService], useFactory: (c) => … })
 * ```
 * Options are validated when the module initialises (`ArgosConfigError` naming the wrong option).
 * Provides and exports `ArgosClientRegistry`, the default project's client (`InjectArgosClient()`)
 * and the resolved options (`InjectArgosClientOptions()`). HTTP goes through `@nestjs/axios`' `HttpService`
 * (see `composeArgosClientModule`).
 */
@Module({
  providers: [
    {
      provide: ARGOS_TRANSPORT,
      useFactory: (http: HttpService) => new AxiosArgosTransport(http.axiosRef),
      inject: [HttpService],
    },
    ArgosClientRegistry,
    {
      provide: ARGOS_CLIENT,
      useFactory: (registry: ArgosClientRegistry) => registry.get(),
      inject: [ArgosClientRegistry],
    },
  ],
  exports: [ArgosClientRegistry, ARGOS_CLIENT],
})
export class ArgosClientModule extends ArgosClientConfigurableModule {}
