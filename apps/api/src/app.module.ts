import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
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
import { AppConfig, dataSourceOptions, faceAuthOptions } from '@faceauth/service';
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
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => config],
        }),
        LoggerModule.forRoot(loggerOptions(config.logging.level, logStream)),
        TypeOrmModule.forRoot(dataSourceOptions(config.database)),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        TerminusModule,
        FaceAuthModule.forRoot({ ...faceAuthOptions(config), clock, webhookPath: config.webhooks.path }),
      ],
      controllers: [HealthController],
      // Admin controllers carry their own validation pipe; this filter also covers framework errors (404…).
      providers: [{ provide: APP_FILTER, useClass: ErrorEnvelopeFilter }],
    };
  }
}
