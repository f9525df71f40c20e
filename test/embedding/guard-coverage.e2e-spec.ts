import { TestingModule } from '@nestjs/testing';
import { createTestDatabase, TestDatabase } from '../support/test-databases';
import { routeTable, RouteEntry } from '../support/route-table';
import { compileEmbeddedHost } from './support/embedded-host';

/**
 * Fail-closed by construction: the module's internal-auth guard is not global, so every route the module can
 * register (its controllers all mounted) must carry the guard or be deliberately `@Public()`. A new controller
 * without the guard fails here, route by route.
 */
describe('every route FaceAuthModule can register carries the guard or is public', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let routes: RouteEntry[];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // No host controller: every route discovered here is the module's own.
    moduleRef = await compileEmbeddedHost({
      database: database.config,
      mount: { adminApi: true, shortLinks: true, metrics: true, webhook: true },
    });
    routes = routeTable(moduleRef);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  it('finds the admin, metrics, short-link and webhook routes', () => {
    const found = routes.map((r) => `${r.method} ${r.path}`);
    expect(found.length).toBeGreaterThan(20);
    for (const route of [
      'POST /v1/api-keys',
      'POST /v1/notification-endpoints',
      'POST /v1/notification-endpoints/:id/deliveries/:deliveryId/replay',
      'GET /metrics',
      'GET /l/:id',
      'POST /webhooks/argos',
    ]) {
      expect(found).toContain(route);
    }
  });

  it('leaves no route both unguarded and not public', () => {
    const open = routes
      .filter((r) => !r.guarded && !r.public)
      .map((r) => `${r.controller}: ${r.method} ${r.path}`);
    expect(open).toEqual([]);
  });

  it('marks public only the webhook and the short links', () => {
    const publicRoutes = routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /l/:id',
      'POST /webhooks/argos',
      'POST /webhooks/argos/:secret',
    ]);
  });
});
