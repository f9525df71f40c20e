import * as http from 'node:http';
import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { ArgosClientModule, ArgosClientRegistry } from '@faceauth/argos-client';
import { TEST_API_KEY } from './support/client.fixture';
import { FakeArgosServer, sendJson } from './support/fake-argos.server';

// Nest's real container and a real local HTTP server: the module's transport runs on the axios instance of
// the HttpService that HttpModule.registerAsync built from the resolved options.

const SECOND_KEY = 'SECOND-PROJECT-KEY-0a9b8c7d';

describe('ArgosClientModule on @nestjs/axios', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());

  const compile = () =>
    Test.createTestingModule({
      imports: [
        ArgosClientModule.forRootAsync({
          useFactory: () => ({
            baseUrl: server.baseUrl,
            projects: [
              { name: 'kr', apiKey: TEST_API_KEY },
              { name: 'eu', apiKey: SECOND_KEY },
            ],
            maxResponseBytes: 4_096,
            maxImageBytes: 1_024,
          }),
        }),
      ],
    }).compile();

  it("sends every project's calls through the one axios instance its HttpService holds", async () => {
    const moduleRef = await compile();
    try {
      const seen: string[] = [];
      moduleRef.get(HttpService, { strict: false }).axiosRef.interceptors.request.use((config) => {
        seen.push(`${config.method} ${config.url}`);
        return config;
      });
      server.handle((_q, res) => sendJson(res, 200, [{ auth_id: 'a', auth_status: 'approved' }]));
      const registry = moduleRef.get(ArgosClientRegistry);
      await registry.get('kr').getResult('a');
      await registry.get('eu').getResult('a');
      expect(seen).toEqual(['get /faceauth', 'get /faceauth']);
      expect(server.requests.map((r) => r.apiKey)).toEqual([TEST_API_KEY, SECOND_KEY]);
    } finally {
      await moduleRef.close();
    }
  });

  it('configures that instance from the resolved options, as the Nest-free transport is', async () => {
    const moduleRef = await compile();
    try {
      const { defaults } = moduleRef.get(HttpService, { strict: false }).axiosRef;
      expect(defaults).toMatchObject({
        baseURL: server.baseUrl,
        maxRedirects: 0,
        responseType: 'arraybuffer',
        proxy: false,
        decompress: true,
        maxContentLength: 4_096,
        maxBodyLength: 1_024 + 64 * 1024,
      });
      expect(defaults.timeout).toBe(0);
      expect(defaults.validateStatus?.(302)).toBe(true);
      expect(defaults.validateStatus?.(503)).toBe(true);
      expect(defaults.headers['User-Agent']).toBe('faceauth-argos-client');
      for (const agent of [defaults.httpAgent, defaults.httpsAgent]) {
        expect(agent).toBeInstanceOf(http.Agent);
        expect((agent as http.Agent & { keepAlive: boolean }).keepAlive).toBe(true);
      }
    } finally {
      await moduleRef.close();
    }
  });

  it('gives each module instance its own HttpService', async () => {
    const [first, second] = await Promise.all([compile(), compile()]);
    try {
      expect(first.get(HttpService, { strict: false }).axiosRef).not.toBe(
        second.get(HttpService, { strict: false }).axiosRef,
      );
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
