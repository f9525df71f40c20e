import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const ADMIN_KEY = 'router-errors-admin-secret-000000001';
/** Put in every URL below: no answer may quote it back. */
const MARKER = 'EchoMarker';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  statusCode: number;
  code: string;
}

const json = { 'content-type': 'application/json' };
const CASES: Case[] = [
  {
    name: 'a bad percent-encoding in a path parameter',
    method: 'GET',
    url: `/v1/results/${MARKER}%zz?q=${MARKER}`,
    statusCode: 400,
    code: 'MALFORMED_URL',
  },
  {
    name: 'a bad percent-encoding on an unknown route',
    method: 'GET',
    url: `/${MARKER}/%E0%A4%A`,
    statusCode: 400,
    code: 'MALFORMED_URL',
  },
  {
    name: 'a path parameter longer than any id',
    method: 'GET',
    url: `/v1/results/${MARKER}${'a'.repeat(300)}`,
    statusCode: 414,
    code: 'URI_TOO_LONG',
  },
  {
    name: 'an unknown route',
    method: 'GET',
    url: `/v1/${MARKER}/nothing?q=${MARKER}`,
    statusCode: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'an unsupported media type',
    method: 'POST',
    url: `/v1/links?q=${MARKER}`,
    headers: { 'content-type': `application/${MARKER.toLowerCase()}+xml` },
    payload: '<sid>s</sid>',
    statusCode: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a body over the limit',
    method: 'POST',
    url: `/v1/links?q=${MARKER}`,
    headers: json,
    payload: JSON.stringify({ sid: 'x'.repeat(1_100_000) }),
    statusCode: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    url: `/v1/links?q=${MARKER}`,
    headers: json,
    payload: `{"sid": "${MARKER}",`,
    statusCode: 400,
    code: 'BAD_REQUEST',
  },
];

/** Issue 17: errors raised by Fastify's router and body parsing answer in the envelope like all others. */
describe.each(databasesUnderTest())('router and framework errors on %s', (kind) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(kind, { env: { INTERNAL_API_KEYS: `ops|admin|${ADMIN_KEY}` } });
  });
  afterAll(() => api.close());

  it.each(CASES)('answers $name with the envelope and echoes nothing', async (c) => {
    const res = await api.app.inject({
      method: c.method,
      url: c.url,
      headers: { 'x-api-key': ADMIN_KEY, ...c.headers },
      payload: c.payload,
    });
    expect(res.statusCode).toBe(c.statusCode);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json()).toEqual({
      statusCode: c.statusCode,
      code: c.code,
      message: expect.any(String),
      requestId: res.headers['x-request-id'],
    });
    expect(res.body).not.toContain(MARKER);
    expect(res.body.toLowerCase()).not.toContain(MARKER.toLowerCase());
  });

  it('keeps the caller’s request id on a router error', async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/v1/results/%zz',
      headers: { 'x-request-id': 'router-err-1' },
    });
    expect(res.headers['x-request-id']).toBe('router-err-1');
    expect(res.json()).toMatchObject({ code: 'MALFORMED_URL', requestId: 'router-err-1' });
  });

  it('routes the longest legitimate ids to their handlers instead of answering 414', async () => {
    const headers = { 'x-api-key': ADMIN_KEY };
    const authId = await api.app.inject({ method: 'GET', url: `/v1/results/${'a'.repeat(128)}`, headers });
    // The handler's own answer (no such result), not the router's.
    expect(authId.json()).toMatchObject({ statusCode: 404, code: 'RESULT_NOT_FOUND' });
    const tooLongAuthId = await api.app.inject({
      method: 'GET',
      url: `/v1/results/${'a'.repeat(129)}`,
      headers,
    });
    expect(tooLongAuthId.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const userId = await api.app.inject({
      method: 'DELETE',
      url: `/v1/users/${'u'.repeat(256)}/biometrics`,
      headers,
    });
    expect(userId.statusCode).toBe(200);
    const tooLongUserId = await api.app.inject({
      method: 'DELETE',
      url: `/v1/users/${'u'.repeat(257)}/biometrics`,
      headers,
    });
    expect(tooLongUserId.json()).toMatchObject({ statusCode: 414, code: 'URI_TOO_LONG' });
  });
});
