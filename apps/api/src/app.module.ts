import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { ErrorEnvelopeFilter } from '@faceauth/admin-api';
import { Clock } from '@faceauth/core';
import { FaceAuthModule } from '@faceauth/module';
import {
  AppConfig,
  dataSourceOptions,
  faceAuthOptions,
  ServiceConfigService,
  serviceConfigModule,
} from '@faceauth/service';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './logging/logger.options';

export interface AppModuleOptions {
  config: AppConfig;
  /** Where JSON logs go (stdout by default); tests capture them. */
  logStream?: DestinationStream;
  /** Time source (tests inject a manual clock). */
  clock?: Clock;
}

/** The deployable service: configuration, database, the product's modules, health. */
@Module({})
export class AppModule {
  static forRoot({ config, logStream, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        serviceConfigModule(config),
        LoggerModule.forRoot(loggerOptions(config.logging.level, logStream)),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ServiceConfigService) => dataSourceOptions(c.get('database', { infer: true })),
        }),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        TerminusModule,
        FaceAuthModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ServiceConfigService) => faceAuthOptions(c),
          clock,
          // The service serves every route; a host embedding the module chooses its own.
          controllers: { adminApi: true, shortLinks: true, metrics: true, webhook: true },
          webhookPath: config.webhooks.path,
        }),
      ],
      controllers: [HealthController],
      // Admin controllers carry their own validation pipe; this filter also covers framework errors (404…).
      providers: [{ provide: APP_FILTER, useClass: ErrorEnvelopeFilter }],
    };
  }
}
