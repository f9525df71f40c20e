import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

describe.each(databasesUnderTest())('service foundation on %s', (kind) => {
  let api: ApiHarness;
  let adminKey: string;

  beforeAll(async () => {
    api = await startApi(kind, { env: { DEV_ADMIN_KEY: 'true' } });
    adminKey = api.devAdminKey!;
  });
  afterAll(() => api.close());

  it('generates a development admin key once, which authenticates', async () => {
    expect(adminKey).toMatch(/^fak_[A-Za-z0-9_-]{43}$/);
    const res = await api.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ name: 'dev-admin', scopes: ['admin'], revokedAt: null }),
    ]);
    expect(res.body).not.toContain(adminKey);
  });

  it('serves liveness and readiness without credentials', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await api.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document with both security schemes', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
    expect(doc.paths['/v1/api-keys'].get['x-required-scopes']).toEqual(['admin']);
  });

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const echoed = await api.app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    expect(echoed.json()).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: 'abc-123',
    });
    const generated = await api.app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'bad id\u0001' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.json().requestId).toBe(generated.headers['x-request-id']);
  });

  it('answers a malformed JSON body with a 400 envelope and writes nothing', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', requestId: expect.any(String) });
    expect(res.json().message).toMatch(/JSON/i);
    const list = await api.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { 'x-api-key': adminKey },
    });
    expect(list.json()).toHaveLength(1);
  });

  it('answers unknown and invalid fields with a 400 naming each field', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${adminKey}` },
      payload: { name: 'ok-name', scopes: ['links:write', 'fly'], colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('colour');
    expect(body.message).toContain('scopes');
    expect(
      (
        await api.app.inject({ method: 'GET', url: '/v1/api-keys', headers: { 'x-api-key': adminKey } })
      ).json(),
    ).toHaveLength(1);
  });

  it('rotates keys: several active at once, a revoked key answers 401', async () => {
    const auth = { authorization: `Bearer ${adminKey}` };
    const first = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: auth,
        payload: { name: 'rot-1', scopes: ['admin'] },
      })
    ).json();
    const second = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: auth,
        payload: { name: 'rot-2', scopes: ['admin'] },
      })
    ).json();
    for (const key of [first.key, second.key]) {
      expect(
        (await api.app.inject({ method: 'GET', url: '/v1/api-keys', headers: { 'x-api-key': key } }))
          .statusCode,
      ).toBe(200);
    }
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/api-keys/${first.id}`, headers: auth })).statusCode,
    ).toBe(204);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/api-keys', headers: { 'x-api-key': first.key } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/api-keys', headers: { 'x-api-key': second.key } }))
        .statusCode,
    ).toBe(200);
  });

  it('never writes an API key or Authorization value to the logs', async () => {
    const linesBefore = api.logs.length;
    await api.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    await api.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { 'x-api-key': 'fak_wrong_key_for_log_check_000000000000000' },
    });
    const logs = api.logs.join('');
    expect(logs).toContain('"url":"/v1/api-keys"');
    // The access line carries its message and the status the client got.
    const access = api.logs
      .slice(linesBefore)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request completed' && line.url === '/v1/api-keys');
    expect(access.map((line) => line.statusCode).sort()).toEqual([200, 401]);
    expect(access.every((line) => typeof line.requestId === 'string' && line.method === 'GET')).toBe(true);
    expect(logs).not.toContain(adminKey);
    expect(logs).not.toContain('fak_wrong_key_for_log_check');
    expect(logs).not.toMatch(/Bearer\s+fak_/);
  });
});
