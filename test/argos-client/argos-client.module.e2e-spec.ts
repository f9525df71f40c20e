import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  ArgosClient,
  ArgosClientModule,
  ArgosClientModuleOptions,
  ArgosClientRegistry,
  ArgosConfigError,
  ArgosConfigErrorCode,
  InjectArgosClient,
  InjectArgosClientOptions,
  InjectArgosClientRegistry,
  ResolvedArgosClientOptions,
} from '@faceauth/argos-client';
import { rejectionOf, TEST_API_KEY } from './support/client.fixture';
import { FakeArgosServer, sendJson } from './support/fake-argos.server';

// Module wiring with Nest's real container; one call goes to a real local HTTP server.

const SETTINGS = Symbol('SETTINGS');
const SECOND_KEY = 'SECOND-PROJECT-KEY-0a9b8c7d';

@Module({ providers: [{ provide: SETTINGS, useValue: { key: TEST_API_KEY } }], exports: [SETTINGS] })
class SettingsModule {}

@Injectable()
class Consumer {
  constructor(
    @InjectArgosClient() readonly client: ArgosClient,
    @InjectArgosClientRegistry() readonly registry: ArgosClientRegistry,
    @InjectArgosClientOptions() readonly options: ResolvedArgosClientOptions,
  ) {}
}

@Module({ providers: [Consumer], exports: [Consumer] })
class ConsumerModule {}

class OptionsFactory {
  constructor(@Inject(SETTINGS) private readonly settings: { key: string }) {}
  create(): ArgosClientModuleOptions {
    return { baseUrl: 'http://127.0.0.1:9/v3', projects: [{ name: 'kr', apiKey: this.settings.key }] };
  }
}

describe('ArgosClientModule wiring', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());

  it('forRoot compiles, resolves a registry and an injectable default client that calls the configured base URL, and closes', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ArgosClientModule.forRoot({
          baseUrl: server.baseUrl,
          projects: [
            { name: 'kr', apiKey: TEST_API_KEY },
            { name: 'eu', apiKey: SECOND_KEY },
          ],
          defaultProject: 'eu',
        }),
      ],
    }).compile();
    const registry = moduleRef.get(ArgosClientRegistry);
    expect(registry.projectNames()).toEqual(['kr', 'eu']);
    expect(registry.defaultProjectName).toBe('eu');
    expect(registry.get().project).toBe('eu');
    expect(registry.get('kr').project).toBe('kr');
    expect(() => registry.get('us')).toThrow(ArgosConfigError);
    expect(() => registry.get('us')).toThrow(
      "No Argos FaceAuth project named 'us' is configured (known: kr, eu)",
    );

    server.handle((_q, res) => sendJson(res, 200, [{ auth_id: 'a', auth_status: 'approved' }]));
    await expect(registry.get('kr').getResult('a')).resolves.toMatchObject({
      authId: 'a',
      status: 'approved',
    });
    await registry.get().getResult('a');
    expect(server.requests.map((r) => r.apiKey)).toEqual([TEST_API_KEY, SECOND_KEY]);
    await moduleRef.close();
  });

  it('forRootAsync (useFactory, imports, inject) and isGlobal make the client injectable everywhere', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ArgosClientModule.forRootAsync({
          isGlobal: true,
          imports: [SettingsModule],
          inject: [SETTINGS],
          useFactory: (settings: { key: string }) => ({
            baseUrl: server.baseUrl,
            projects: [{ name: 'kr', apiKey: settings.key }],
            retry: { maxAttempts: 2 },
          }),
        }),
        ConsumerModule,
      ],
    }).compile();
    const consumer = moduleRef.get(Consumer);
    expect(consumer.client.project).toBe('kr');
    expect(consumer.registry.get()).toBe(consumer.client);
    expect(consumer.options.retry).toEqual({
      maxAttempts: 2,
      baseDelayMs: 200,
      maxDelayMs: 2_000,
      maxRetryAfterMs: 10_000,
    });
    expect(consumer.options.timeouts).toEqual({
      connectMs: 5_000,
      requestMs: 10_000,
      uploadMs: 30_000,
      deadlineMs: 30_000,
    });
    await moduleRef.close();
  });

  it('forRootAsync (useClass) compiles', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ArgosClientModule.forRootAsync({ imports: [SettingsModule], useClass: OptionsFactory })],
    }).compile();
    expect(moduleRef.get(ArgosClientRegistry).projectNames()).toEqual(['kr']);
    await moduleRef.close();
  });

  it('forRoot rejects bad options at boot with a message naming the option', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [
          ArgosClientModule.forRoot({
            projects: [{ name: 'kr', apiKey: TEST_API_KEY }],
            timeouts: { requestMs: -1 },
          }),
        ],
      }).compile(),
    );
    expect(error).toBeInstanceOf(ArgosConfigError);
    expect(error).toMatchObject({ code: ArgosConfigErrorCode.INVALID_OPTIONS });
    expect((error as Error).message).toMatch(/'timeouts\.requestMs'/);
  });

  it('forRootAsync rejects bad options at boot without echoing the key', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [
          ArgosClientModule.forRootAsync({
            useFactory: () => ({
              projects: [
                { name: 'kr', apiKey: TEST_API_KEY },
                { name: 'eu', apiKey: `${SECOND_KEY} with spaces` },
              ],
            }),
          }),
        ],
      }).compile(),
    );
    expect((error as Error).message).toMatch(/'projects\[1\]\.apiKey'/);
    expect((error as Error).message).not.toContain(SECOND_KEY);
  });

  it('rejects a plain-http base URL to a non-loopback host unless allowed', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [
          ArgosClientModule.forRoot({
            baseUrl: 'http://argos.example.com/v3',
            projects: [{ name: 'kr', apiKey: TEST_API_KEY }],
          }),
        ],
      }).compile(),
    );
    expect((error as Error).message).toMatch(/'baseUrl'/);
  });
});
