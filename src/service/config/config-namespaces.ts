import { DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { AppConfig } from './app-config';

/** The service configuration as Nest injects it: `config.get('webhooks', { infer: true })` is typed. */
export type ServiceConfigService = ConfigService<AppConfig, true>;

/** What reads the configuration: the injected {@link ServiceConfigService}, or {@link configReader} before boot. */
export interface ServiceConfigReader {
  get<K extends keyof AppConfig>(key: K, options: { infer: true }): AppConfig[K];
}

export const configReader = (config: AppConfig): ServiceConfigReader => ({
  get: <K extends keyof AppConfig>(key: K) => config[key],
});

/**
 * `ConfigModule` holding the loaded configuration, one `registerAs` namespace per section. The environment
 * itself is read and validated before (`loadConfig`, the class-validator schema in environment.schema.ts):
 * `main.ts` needs the port and the log level before Nest exists, and exits 78 on a bad setting; and the tests
 * boot several services in one process, each with its own environment, which `ConfigModule`'s own reading
 * of `process.env` could not give them. So the module reads neither `process.env` nor a `.env` file.
 */
export function serviceConfigModule(config: AppConfig): Promise<DynamicModule> {
  const { nodeEnv, projects, defaultProject, ...sections } = config;
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    skipProcessEnv: true,
    validatePredefined: false,
    load: [
      () => ({ nodeEnv, projects, defaultProject }),
      ...Object.entries(sections).map(([name, section]) => registerAs(name, () => section)),
    ],
  });
}
