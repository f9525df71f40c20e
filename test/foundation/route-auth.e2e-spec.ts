import { ALL_SCOPES, Scope } from '@faceauth/admin-api';
import { ApiHarness, startApi } from '../support/api-harness';
import { concretePath, routeTable, RouteEntry } from '../support/route-table';

/**
 * Deny by default, proven over the whole route table: every non-public route answers 401 without a key,
 * with an unknown key and with a revoked key, and 403 with a key holding every scope but the ones it needs.
 */
describe('internal auth over every registered route', () => {
  let api: ApiHarness;
  let routes: RouteEntry[];
  let adminKey: string;
  const admin = () => ({ authorization: `Bearer ${adminKey}` });

  beforeAll(async () => {
    api = await startApi('sqlite', { env: { DEV_ADMIN_KEY: 'true' } });
    adminKey = api.devAdminKey!;
    routes = routeTable(api.app);
  });
  afterAll(() => api.close());

  it('finds the routes and marks only deliberate ones public', () => {
    expect(routes.length).toBeGreaterThan(3);
    const publicRoutes = routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`);
    const allowedPublic = [/^GET \/health/, /^POST \/webhooks\//, /^GET \/l\/:id$/];
    for (const route of publicRoutes) expect(allowedPublic.some((p) => p.test(route))).toBe(true);
  });

  it('binds the internal-auth guard to every non-public route (none is global any more)', () => {
    const unguarded = routes.filter((r) => !r.public && !r.guarded).map((r) => `${r.method} ${r.path}`);
    expect(unguarded).toEqual([]);
  });

  it('keeps the health routes public and reachable without a key', async () => {
    for (const url of ['/health', '/health/ready']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(`${url} ${res.statusCode}`).toBe(`${url} 200`);
    }
  });

  it('answers 401 on every non-public route without credentials or with an unknown key', async () => {
    for (const route of routes.filter((r) => !r.public)) {
      const url = concretePath(route.path);
      for (const headers of [
        {},
        { authorization: 'Bearer fak_unknown' },
        { 'x-api-key': 'nope' },
        { authorization: 'Basic abc' },
      ]) {
        const res = await api.app.inject({ method: route.method as 'GET', url, headers });
        expect({
          route: `${route.method} ${route.path}`,
          status: res.statusCode,
          code: res.json().code,
        }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
  });

  it('answers 403 on every non-public route with a key lacking its scope', async () => {
    for (const route of routes.filter((r) => !r.public)) {
      const others = ALL_SCOPES.filter((s) => s !== Scope.ADMIN && !route.scopes.includes(s));
      if (others.length === 0) throw new Error(`route ${route.path} needs every scope`);
      const created = await api.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: admin(),
        payload: { name: `lacking-${Math.random().toString(36).slice(2, 10)}`, scopes: others },
      });
      expect(created.statusCode).toBe(201);
      const res = await api.app.inject({
        method: route.method as 'GET',
        url: concretePath(route.path),
        headers: { 'x-api-key': created.json().key },
      });
      expect({
        route: `${route.method} ${route.path}`,
        status: res.statusCode,
        code: res.json().code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'MISSING_SCOPE',
      });
    }
  });

  it('answers 401 on every non-public route with a revoked key', async () => {
    const created = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: admin(),
        payload: { name: 'to-revoke', scopes: ['admin'] },
      })
    ).json();
    await api.app.inject({ method: 'DELETE', url: `/v1/api-keys/${created.id}`, headers: admin() });
    for (const route of routes.filter((r) => !r.public)) {
      const res = await api.app.inject({
        method: route.method as 'GET',
        url: concretePath(route.path),
        headers: { 'x-api-key': created.key },
      });
      expect(`${route.method} ${route.path} ${res.statusCode}`).toBe(`${route.method} ${route.path} 401`);
    }
  });
});
