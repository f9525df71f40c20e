import { Controller, Get } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InternalApiKeyService, Scope } from '@faceauth/admin-api';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';
import { startEmbeddedHost } from './support/embedded-host';

@Controller('host')
class HostController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'host' };
  }
}

/**
 * Issue 19: embedded in a host, the module's internal-auth guard protects the module's own routes only; the
 * host's unguarded routes answer as the host wrote them, with or without the admin controllers mounted.
 */
describe.each(databasesUnderTest())('a host embedding FaceAuthModule on %s', (kind) => {
  describe.each([true, false])(
    'with the admin, short-link and metrics routes mounted: %s',
    (adminControllers) => {
      let database: TestDatabase;
      let app: NestFastifyApplication;
      let adminKey: string;

      beforeAll(async () => {
        database = await createTestDatabase(kind);
        app = await startEmbeddedHost({
          database: database.config,
          mount: adminControllers ? { adminApi: true, shortLinks: true, metrics: true } : {},
          controllers: [HostController],
        });
        adminKey = (await app.get(InternalApiKeyService).create('ops', [Scope.ADMIN])).key;
      });
      afterAll(async () => {
        await app?.close();
        await database?.drop();
      });

      it.each([{}, { authorization: 'Bearer fak_unknown' }, { 'x-api-key': 'nope' }])(
        'answers the host route 200 with headers %j',
        async (headers) => {
          const res = await app.inject({ method: 'GET', url: '/host', headers });
          expect({ status: res.statusCode, body: res.json() }).toEqual({
            status: 200,
            body: { hello: 'host' },
          });
        },
      );

      if (adminControllers) {
        it.each(['/v1/api-keys', '/metrics'])('answers %s 401 without a key', async (url) => {
          const res = await app.inject({ method: 'GET', url });
          expect({ status: res.statusCode, code: res.json().code }).toEqual({
            status: 401,
            code: 'UNAUTHENTICATED',
          });
        });

        it.each(['/v1/api-keys', '/metrics'])('answers %s 200 with an admin key', async (url) => {
          const res = await app.inject({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${adminKey}` },
          });
          expect(res.statusCode).toBe(200);
        });
      } else {
        // The library's default: no route of the module at all, unless the host asks for its groups.
        it.each([
          ['GET', '/v1/api-keys'],
          ['GET', '/metrics'],
          ['GET', '/l/00000000-0000-4000-8000-000000000000'],
          ['POST', '/webhooks/argos'],
        ] as const)('mounts no %s %s', async (method, url) => {
          const res = await app.inject({ method, url, headers: { 'x-api-key': adminKey } });
          expect(res.statusCode).toBe(404);
        });
      }
    },
  );
});
