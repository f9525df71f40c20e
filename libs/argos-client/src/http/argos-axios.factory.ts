import { HttpService } from '@nestjs/axios';
import type { AxiosInstance } from 'axios' with { 'resolution-mode': 'import' };
import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { argosAxiosConfig } from './argos-axios.config';

/**
 * The Argos axios instance without Nest's container (`createArgosTransport`: CLI, scripts, tests). In a Nest
 * app the instance comes from `HttpModule.registerAsync` instead (`argos-client-module.composer.ts`).
 *
 * Why through `HttpService`: `@nestjs/axios` is ESM-only and loads axios' ESM build, while a CommonJS
 * `import axios from 'axios'` here would load its CJS build: two axios copies at run time, with `AxiosError`
 * classes and `AxiosInstance` types that do not unify. This lib therefore never imports an axios value, and
 * imports axios types with `resolution-mode: "import"` (the declarations `@nestjs/axios` sees). A bare
 * `HttpService` holds the axios default export of the build `@nestjs/axios` loaded; `create()` on it is what
 * `HttpModule.registerAsync` does with its options (`Axios.create(config)`), on the same build.
 */
export function createArgosAxiosInstance(options: ResolvedArgosClientOptions): AxiosInstance {
  return new HttpService().axiosRef.create(argosAxiosConfig(options));
}
