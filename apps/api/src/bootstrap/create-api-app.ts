import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { DevAdminKeyBootstrap } from '@faceauth/admin-api';
import { FaceAuthMetrics } from '@faceauth/core';
import { AppModule, AppModuleOptions } from '../app.module';
import { createFastifyAdapter } from './fastify-adapter.factory';
import { registerRateLimit } from './rate-limit.plugin';
import { setupSwagger } from './swagger.setup';
import { registerAccessLog } from '../logging/access-log.hook';
import { BootstrapQuietLogger } from '../logging/bootstrap-quiet.logger';
import { logDestination } from '../logging/log-destination';

export interface ApiApp {
  app: NestFastifyApplication;
  /** The development admin key when one was generated at this start (print it once, never log it). */
  devAdminKey: string | null;
}

/**
 * Builds and initialises the service exactly as `main.ts` runs it (tests use this too), without listening.
 */
export async function createApiApp(options: AppModuleOptions): Promise<ApiApp> {
  const { config } = options;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ ...options, logStream: logDestination(config.logging.format, options.logStream) }),
    createFastifyAdapter(config),
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  const logger = new BootstrapQuietLogger(app.get(Logger));
  app.useLogger(logger);
  const accessLog = ['info', 'debug', 'trace'].includes(config.logging.level);
  registerAccessLog(app.getHttpAdapter().getInstance(), logger, app.get(FaceAuthMetrics), accessLog);
  app.enableShutdownHooks();
  // Routes opt in to a limit with @RouteConfig({ rateLimit }) (the public short link does).
  await registerRateLimit(app, config.http.rateLimit);
  if (config.swagger.enabled) setupSwagger(app);
  await app.init();
  const devAdminKey = config.auth.generateDevAdminKey ? await app.get(DevAdminKeyBootstrap).ensure() : null;
  return { app, devAdminKey };
}
