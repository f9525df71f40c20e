import { Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FaceAuthControllers, FaceAuthModule, FaceAuthModuleOptions } from '@faceauth/module';
import { dataSourceOptions, DatabaseConfig } from '@faceauth/service';

/** Minimal options of an embedded FaceAuthModule (no background jobs, an unreachable Argos). */
export const EMBEDDED_OPTIONS: FaceAuthModuleOptions = {
  projects: [
    {
      name: 'a',
      pid: 'pid-a',
      apiKey: 'key-a',
      cipher: 'aes-256-gcm',
      plaintextFormat: 'json',
      tokenExpiration: { mode: 'off' },
    },
  ],
  argos: { apiBaseUrl: 'http://127.0.0.1:9/v3', formUrl: 'https://form.example/face-auth' },
  http: { publicBaseUrl: 'https://auth.example.com' },
  webhooks: { processor: { enabled: false }, reconcile: { enabled: false } },
  retention: { scheduler: { enabled: false } },
};

export interface EmbeddedHostOptions {
  database: DatabaseConfig;
  /** The module's route groups to mount (FaceAuthModule's `controllers`). */
  mount: FaceAuthControllers;
  /** The host's own controllers, next to the module. */
  controllers?: Type[];
}

/** A host application as a user writes one: its own DataSource and controllers, and FaceAuthModule. */
export function compileEmbeddedHost(options: EmbeddedHostOptions): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [
      EventEmitterModule.forRoot(),
      ScheduleModule.forRoot(),
      TypeOrmModule.forRoot({ ...dataSourceOptions(options.database), retryAttempts: 0 }),
      FaceAuthModule.forRoot({
        ...EMBEDDED_OPTIONS,
        controllers: options.mount,
      }),
    ],
    controllers: options.controllers ?? [],
  }).compile();
}

/** The same host, started on Fastify (what the module's controllers need) and ready for `inject`. */
export async function startEmbeddedHost(options: EmbeddedHostOptions): Promise<NestFastifyApplication> {
  const moduleRef = await compileEmbeddedHost(options);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
