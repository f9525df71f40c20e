import { Injectable, Inject, Module } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ArgosClient,
  ArgosClientRegistry,
  FACEAUTH_ENTITIES,
  FACEAUTH_MIGRATIONS,
  FACEAUTH_MODULE_OPTIONS,
  FACEAUTH_TOKEN_EXPIRED_EVENT,
  FaceAuthModule,
  FaceAuthModuleOptions,
  InjectArgosClient,
  InjectArgosClientRegistry,
  InjectFaceAuthOptions,
  LinkService,
  ManualClock,
  OnFaceAuthTokenExpired,
  ResolvedFaceAuthOptions,
} from '@faceauth/module';

const OPTIONS: FaceAuthModuleOptions = {
  projects: [
    {
      name: 'a',
      pid: 'pid-a',
      apiKey: 'key-a',
      cipher: 'aes-256-ecb',
      plaintextFormat: 'json',
      tokenExpiration: { mode: 'off' },
    },
    {
      name: 'b',
      pid: 'pid-b',
      apiKey: 'key-b',
      cipher: 'aes-256-gcm',
      plaintextFormat: 'json',
      tokenExpiration: { mode: 'count' },
    },
  ],
  defaultProject: 'b',
  argos: { apiBaseUrl: 'http://127.0.0.1:9/v3', formUrl: 'https://form.example/face-auth' },
  http: { publicBaseUrl: 'https://auth.example.com' },
  webhooks: { processor: { enabled: false }, reconcile: { enabled: false } },
  retention: { scheduler: { enabled: false } },
};

@Injectable()
class Consumer {
  expired: string[] = [];
  constructor(
    @InjectFaceAuthOptions() readonly resolved: ResolvedFaceAuthOptions,
    @Inject(FACEAUTH_MODULE_OPTIONS) readonly raw: FaceAuthModuleOptions,
    @InjectArgosClient() readonly defaultClient: ArgosClient,
    @InjectArgosClientRegistry() readonly registry: ArgosClientRegistry,
    readonly links: LinkService,
  ) {}

  @OnFaceAuthTokenExpired()
  onExpired(event: { tokenId: string }): void {
    this.expired.push(event.tokenId);
  }
}

/** Module wiring: every exported token and decorator resolves, with forRoot and forRootAsync, and bad options fail the boot. */
describe('FaceAuthModule wiring', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'faceauth-wiring-'))));
  afterAll(async () => {
    // A boot refused by our options leaves TypeORM's connection attempt in flight: let it settle first.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    rmSync(dir, { recursive: true, force: true });
  });

  const compile = (faceauth: ReturnType<typeof FaceAuthModule.forRoot>, file: string) =>
    Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: join(dir, file),
          entities: FACEAUTH_ENTITIES,
          migrations: FACEAUTH_MIGRATIONS,
          migrationsRun: true,
          retryAttempts: 0,
        }),
        faceauth,
      ],
      providers: [Consumer],
    }).compile();

  const boot = async (faceauth: ReturnType<typeof FaceAuthModule.forRoot>, file: string) =>
    (await compile(faceauth, file)).init();

  it.each([
    ['forRoot', () => FaceAuthModule.forRoot({ ...OPTIONS, clock: new ManualClock(Date.UTC(2026, 0, 1)) })],
    [
      'forRootAsync',
      () => {
        @Module({ providers: [{ provide: 'HOST_SETTINGS', useValue: OPTIONS }], exports: ['HOST_SETTINGS'] })
        class HostSettingsModule {}
        return FaceAuthModule.forRootAsync({
          imports: [HostSettingsModule],
          inject: ['HOST_SETTINGS'],
          useFactory: (o: FaceAuthModuleOptions) => o,
        });
      },
    ],
  ])('resolves every exported token and decorator with %s', async (name, make) => {
    const app = await boot(make(), `${name}.sqlite`);
    const consumer = app.get(Consumer);
    expect(consumer.resolved.defaultProject).toBe('b');
    expect(consumer.raw.projects).toHaveLength(2);
    expect(consumer.defaultClient.project).toBe('b');
    expect(consumer.registry.projectNames()).toEqual(['a', 'b']);
    const link = await consumer.links.mint({ sid: 'sub_1', project: 'a' });
    expect(link.url.startsWith('https://form.example/face-auth?pid=pid-a&encrypted=')).toBe(true);
    if (name === 'forRoot') expect(link.createdAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    await app
      .get(EventEmitter2)
      .emitAsync(FACEAUTH_TOKEN_EXPIRED_EVENT, { tokenId: link.token, condition: 'count', at: new Date() });
    expect(consumer.expired).toEqual([link.token]);
    await app.close();
  });

  it.each([
    [true, true],
    [false, false],
  ])(
    'with adminControllers %s, lets multipart bodies through to POST /v1/faceauth: %s',
    async (adminControllers, registered) => {
      const moduleRef = await compile(
        FaceAuthModule.forRoot({ ...OPTIONS, controllers: { adminApi: adminControllers } }),
        `multipart-${adminControllers}.sqlite`,
      );
      const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      expect(fastify.hasContentTypeParser('multipart/form-data')).toBe(registered);
      await app.close();
    },
  );

  it.each([
    [{ ...OPTIONS, projects: [] }, 'projects'],
    [{ ...OPTIONS, defaultProject: 'zzz' }, 'defaultProject'],
    [{ ...OPTIONS, argos: { ...OPTIONS.argos, apiBaseUrl: 'not a url' } }, 'argos.apiBaseUrl'],
    [{ ...OPTIONS, projects: [{ ...OPTIONS.projects[0], pid: '' }] }, 'projects[0].pid'],
  ])('refuses bad options at init, naming the option (%#)', async (options, option) => {
    await expect(
      boot(FaceAuthModule.forRoot(options as FaceAuthModuleOptions), `bad-${option}.sqlite`),
    ).rejects.toThrow(`FaceAuthModule option ${option}`);
  });
});
