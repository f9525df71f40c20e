import { HttpModule } from '@nestjs/axios';
import { DynamicModule } from '@nestjs/common';
import { argosAxiosConfig } from '../http/argos-axios.config';
import { ArgosClientOptionsModule } from './argos-client-options.module';
import { ARGOS_CLIENT_OPTIONS } from './argos-client.tokens';

/**
 * Turns what `forRoot`/`forRootAsync` built (the options provider, the `imports` of `forRootAsync`) into the
 * `ArgosClientModule` definition:
 *
 * - the options move into an {@link ArgosClientOptionsModule}, imported by this module and re-exported
 *   (`InjectArgosClientOptions()`);
 * - the transport's axios instance comes from `@nestjs/axios`: `HttpModule.registerAsync` builds it with
 *   `Axios.create(argosAxiosConfig(options))` and `HttpService.axiosRef` hands it to the transport. Its
 *   factory can only inject what its own `imports` export, hence the same options module object there (Nest
 *   keeps one instance of it, so the options are resolved once).
 *
 * Why `HttpService` rather than `axios.create` here: `@nestjs/axios` is ESM-only and loads axios' ESM build,
 * while a value import of axios from this CommonJS lib loads the CJS build — two axios copies whose
 * `AxiosError` and `AxiosInstance` do not unify. Taking the instance from `HttpService` and importing axios
 * for types only (`resolution-mode: "import"`) leaves one build: the one `@nestjs/axios` loaded.
 * One `HttpService` per module instance: its keep-alive pool is shared by all projects' clients.
 */
export function composeArgosClientModule(definition: DynamicModule, isGlobal: boolean): DynamicModule {
  const options: DynamicModule = {
    module: ArgosClientOptionsModule,
    imports: definition.imports,
    providers: definition.providers,
  };
  return {
    module: definition.module,
    global: isGlobal,
    imports: [
      options,
      HttpModule.registerAsync({
        imports: [options],
        inject: [ARGOS_CLIENT_OPTIONS],
        useFactory: argosAxiosConfig,
      }),
    ],
    exports: [options],
  };
}
