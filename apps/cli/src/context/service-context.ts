import { DynamicModule, INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FaceAuthModule } from '@faceauth/module';
import {
  AppConfig,
  Env,
  dataSourceOptions,
  faceAuthOptions,
  loadConfig,
  ServiceConfigService,
  serviceConfigModule,
} from '@faceauth/service';
import { CliConfig } from '../cli.config';

/**
 * The service's own configuration (same variables, same validation, same migrations), minus its background
 * work: a one-shot command must not start the inbox poller, the reconciler, the cleanup timer or the
 * outbound webhook dispatcher; the
 * commands that need that work do it explicitly (`drain()`, `reconcile()`, `run()`).
 */
export function cliServiceConfig(env: Env): AppConfig {
  const config = loadConfig(env);
  return {
    ...config,
    webhooks: { ...config.webhooks, processorEnabled: false, reconcileEnabled: false },
    retention: { ...config.retention, schedulerEnabled: false },
    notifications: { ...config.notifications, dispatcherEnabled: false },
    links: { ...config.links, outcomeSweepEnabled: false },
  };
}

/**
 * The product module on the service's database, as the API composes it (apps/api/src/app.module.ts) minus
 * what only a server needs: HTTP controllers, logging, health, the scheduler.
 */
@Module({})
class ServiceRuntimeModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      imports: [
        serviceConfigModule(config),
        // An operator waiting at a prompt wants the connection error now, not after @nestjs/typeorm's
        // default ten attempts three seconds apart.
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ServiceConfigService) => ({
            ...dataSourceOptions(c.get('database', { infer: true })),
            retryAttempts: 1,
          }),
        }),
        EventEmitterModule.forRoot(),
        FaceAuthModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ServiceConfigService) => faceAuthOptions(c),
        }),
      ],
    };
  }
}

/** What a command's work receives: the running product and the configuration it was built from. */
export interface ServiceContext {
  app: INestApplicationContext;
  config: AppConfig;
}

/** Opens the service context for one piece of work and always closes it, so the process can exit. */
@Injectable()
export class ServiceContextRunner {
  constructor(private readonly cli: CliConfig) {}

  async run<T>(work: (context: ServiceContext) => Promise<T>): Promise<T> {
    const config = cliServiceConfig(this.cli.serviceEnv);
    // logger: false keeps Nest's bootstrap lines off stdout; failures surface as thrown errors, reported in
    // one line by the CLI's error reporter.
    const app = await NestFactory.createApplicationContext(ServiceRuntimeModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    try {
      return await work({ app, config });
    } finally {
      await app.close();
    }
  }
}
