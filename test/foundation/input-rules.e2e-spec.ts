import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../support/api-harness';
import { ScriptedHttpServer } from '../support/scripted-http.server';
import { databasesUnderTest } from '../support/test-databases';

// One input rule on both engines (issue 17): NUL and unpaired surrogates refused with a 400 naming the
// field, crafted cursors refused with INVALID_CURSOR, deep JSON refused before validation, unknown projects
// refused with UNKNOWN_PROJECT; every answer in the envelope and nothing stored.

const ADMIN = 'input-rules-admin-secret-00000000001';
const PROJECTS = JSON.stringify([
  { name: 'main', pid: 'pid-main', apiKey: 'main-add-on-key-0001', tokenExpiration: 'off' },
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const LINK_ID = '6f1c1c0e-8d0a-4c51-9c1e-3f0e2a4b5c6d';

/** Every list route that pages with a cursor, with its read of a page. */
const CURSOR_ROUTES = [
  '/v1/links',
  '/v1/results',
  '/v1/webhooks/inbox',
  '/v1/cleanup/runs',
  '/v1/cleanup/audit',
];

const cursorOf = (json: string): string => Buffer.from(json, 'utf8').toString('base64url');

/** Cursors nobody handed out, each of which reached a statement before (500 on PostgreSQL). */
const CRAFTED_CURSORS: Array<[string, string]> = [
  ['a huge time (1e300)', cursorOf('{"c":1e300,"i":"a"}')],
  ['a time of 2^63', cursorOf('{"c":9223372036854775808,"i":"a"}')],
  ['a time of -2^63', cursorOf('{"c":-9223372036854775808,"i":"a"}')],
  ['a negative time', cursorOf('{"c":-1,"i":"a"}')],
  ['a fractional time', cursorOf('{"c":1.5,"i":"a"}')],
  ['a time past the last Date', cursorOf('{"c":8640000000000001,"i":"a"}')],
  ['a NUL byte inside the id', cursorOf('{"c":1,"i":"a\\u0000b"}')],
  ['an unpaired surrogate inside the id', cursorOf('{"c":1,"i":"a\\ud800"}')],
  ['an id outside the alphabet', cursorOf('{"c":1,"i":"a b"}')],
  ['an empty id', cursorOf('{"c":1,"i":""}')],
  ['an id of 129 characters', cursorOf(`{"c":1,"i":"${'a'.repeat(129)}"}`)],
  ['JSON null', cursorOf('null')],
  ['not JSON', 'bm90IGpzb24'],
];

/** Query filters of the list routes, each with a NUL inside. */
const NUL_FILTERS: Array<[string, string]> = [
  ['/v1/links', 'sid'],
  ['/v1/links', 'authUserId'],
  ['/v1/links', 'project'],
  ['/v1/links', 'cursor'],
  ['/v1/results', 'submissionId'],
  ['/v1/results', 'authUserId'],
  ['/v1/results', 'linkId'],
  ['/v1/results', 'project'],
  ['/v1/results', 'cursor'],
  ['/v1/webhooks/inbox', 'status'],
  ['/v1/webhooks/inbox', 'cursor'],
  ['/v1/cleanup/runs', 'cursor'],
  ['/v1/cleanup/audit', 'authId'],
  ['/v1/cleanup/audit', 'cursor'],
];

/** Path ids of every route that takes one, with a NUL inside (percent-encoded in the URL). */
const NUL_PATH_IDS: Array<[string, string, string]> = [
  ['GET', '/v1/links/a%00b', 'id'],
  ['DELETE', '/v1/links/a%00b', 'id'],
  ['GET', '/v1/results/a%00b', 'authId'],
  ['GET', '/v1/results/a%00b/image', 'authId'],
  ['DELETE', '/v1/results/a%00b', 'authId'],
  ['GET', '/v1/results/a%00b/legal-hold', 'authId'],
  ['PUT', '/v1/results/a%00b/legal-hold', 'authId'],
  ['DELETE', '/v1/results/a%00b/legal-hold', 'authId'],
  ['DELETE', '/v1/users/a%00b/biometrics', 'authUserId'],
  ['POST', '/v1/webhooks/inbox/a%00b/replay', 'id'],
  ['DELETE', '/v1/api-keys/a%00b', 'id'],
  // The public short link answers HTML pages for unknown links, but a NUL is refused like everywhere else.
  ['GET', '/l/a%00b', 'id'],
];

/** JSON bodies with unsafe text, and the field each answer must name. */
const UNSAFE_BODIES: Array<[string, string, object, string]> = [
  ['NUL in sid', '/v1/links', { sid: 'sub\u0000x' }, 'sid'],
  ['NUL in authUserId', '/v1/links', { sid: 'sub_ok', authUserId: 'user\u0000' }, 'authUserId'],
  ['NUL in authCf1', '/v1/links', { sid: 'sub_ok', authCf1: '\u0000' }, 'authCf1'],
  ['an unpaired high surrogate in authCf2', '/v1/links', { sid: 'sub_ok', authCf2: 'a\ud800b' }, 'authCf2'],
  ['an unpaired low surrogate in authCf3', '/v1/links', { sid: 'sub_ok', authCf3: '\udc00' }, 'authCf3'],
  [
    'NUL in the nested policy.mode',
    '/v1/links',
    { sid: 'sub_ok', policy: { mode: 'count\u0000' } },
    'policy.mode',
  ],
  ['NUL in a field name', '/v1/links', { sid: 'sub_ok', 'x\u0000': 1 }, 'body'],
  ['NUL in a nested field name', '/v1/links', { sid: 'sub_ok', policy: { 'mode\u0000': 'count' } }, 'policy'],
  ['NUL in name', '/v1/api-keys', { name: 'k\u0000', scopes: ['admin'] }, 'name'],
  ['an unpaired surrogate in scopes.0', '/v1/api-keys', { name: 'k', scopes: ['\ud83d'] }, 'scopes.0'],
  ['NUL in dryRun', '/v1/cleanup/run', { dryRun: '\u0000' }, 'dryRun'],
];

const BODY_ROUTES = ['/v1/links', '/v1/api-keys', '/v1/cleanup/run'];

/** `{"a":{"a":…{}…}}` nested `levels` deep (the outer object is level 1). */
function nested(levels: number): string {
  return '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
}

function multipart(fields: Record<string, string>) {
  const boundary = '----inputrules' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="faceImage"; filename="face.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    JPEG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(databasesUnderTest())('one input rule on %s', (kind) => {
  const argos = new ScriptedHttpServer();
  const auth = { 'x-api-key': ADMIN };
  let api: ApiHarness;

  beforeAll(async () => {
    const base = await argos.start();
    api = await startApi(kind, {
      env: {
        FACEAUTH_PROJECTS: PROJECTS,
        ARGOS_API_BASE_URL: `${base}/v3`,
        ARGOS_FORM_URL: 'https://form.example/face-auth',
        PUBLIC_BASE_URL: 'https://auth.example.com',
        INTERNAL_API_KEYS: `ops|admin|${ADMIN}`,
        DEV_ADMIN_KEY: 'false',
        RECONCILE_ENABLED: 'false',
        CLEANUP_ENABLED: 'false',
      },
    });
    // Something to page through, so that a valid cursor exists and stored state is not trivially empty.
    for (const sid of ['sub_one', 'sub_two']) {
      const minted = await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: auth,
        payload: { sid },
      });
      expect(minted.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await api.close();
    await argos.stop();
  });
  beforeEach(() => argos.requests.splice(0));

  /** Row counts of every table: a refused request changes none of them. */
  async function storedRows(): Promise<Record<string, number>> {
    const dataSource = api.app.get(DataSource);
    const counts: Record<string, number> = {};
    for (const entity of dataSource.entityMetadatas) {
      counts[entity.tableName] = await dataSource.getRepository(entity.target).count();
    }
    return counts;
  }

  function expectEnvelope(
    res: { statusCode: number; json(): unknown },
    code: string,
  ): Record<string, string> {
    expect(res.statusCode).toBe(400);
    const body = res.json() as Record<string, string>;
    expect(body).toEqual({
      statusCode: 400,
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });
    return body;
  }

  describe('crafted cursors → 400 INVALID_CURSOR', () => {
    it('a cursor handed out by the API pages on', async () => {
      const first = await api.app.inject({ method: 'GET', url: '/v1/links?limit=1', headers: auth });
      const next = first.json().nextCursor as string;
      expect(next).toEqual(expect.any(String));
      const second = await api.app.inject({
        method: 'GET',
        url: `/v1/links?limit=1&cursor=${next}`,
        headers: auth,
      });
      expect(second.statusCode).toBe(200);
      expect(second.json().items).toHaveLength(1);
    });

    describe.each(CURSOR_ROUTES)('on GET %s, cursors of the same shape as ours pass', (route) => {
      it.each([
        ['a UUID at time 0', cursorOf(`{"c":0,"i":"${LINK_ID}"}`)],
        ['an Argos auth id at the last Date', cursorOf(`{"c":8640000000000000,"i":"auth-01.x:y_z"}`)],
        ['an id of 128 characters', cursorOf(`{"c":1,"i":"${'a'.repeat(128)}"}`)],
      ])('%s', async (_name, cursor) => {
        const res = await api.app.inject({ method: 'GET', url: `${route}?cursor=${cursor}`, headers: auth });
        expect(res.statusCode).toBe(200);
      });
    });

    describe.each(CURSOR_ROUTES)('on GET %s', (route) => {
      it.each(CRAFTED_CURSORS)('%s', async (_name, cursor) => {
        const res = await api.app.inject({
          method: 'GET',
          url: `${route}?cursor=${encodeURIComponent(cursor)}`,
          headers: auth,
        });
        expect(expectEnvelope(res, 'INVALID_CURSOR').message).toBe(
          'cursor is not a cursor returned by this API',
        );
      });
    });
  });

  describe('NUL in query filters → 400 naming the filter', () => {
    it.each(NUL_FILTERS)('GET %s?%s=…NUL…', async (route, field) => {
      const res = await api.app.inject({ method: 'GET', url: `${route}?${field}=a%00b`, headers: auth });
      expect(expectEnvelope(res, 'VALIDATION_FAILED').message).toBe(
        `${field} must not contain NUL characters or unpaired UTF-16 surrogates`,
      );
    });

    it('GET /v1/api-keys reads no query at all, so a NUL there changes nothing', async () => {
      const res = await api.app.inject({ method: 'GET', url: '/v1/api-keys?name=a%00b', headers: auth });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('NUL in path ids → 400 naming the parameter', () => {
    it.each(NUL_PATH_IDS)('%s %s', async (method, url, field) => {
      const before = await storedRows();
      const res = await api.app.inject({ method: method as 'GET', url, headers: auth });
      expect(expectEnvelope(res, 'VALIDATION_FAILED').message).toBe(
        `${field} must not contain NUL characters or unpaired UTF-16 surrogates`,
      );
      expect(argos.requests).toEqual([]);
      expect(await storedRows()).toEqual(before);
    });
  });

  describe('unsafe text in JSON bodies → 400 naming the field, nothing stored', () => {
    it.each(UNSAFE_BODIES)('%s on POST %s', async (_name, url, payload, field) => {
      const before = await storedRows();
      const res = await api.app.inject({ method: 'POST', url, headers: auth, payload });
      const body = expectEnvelope(res, 'VALIDATION_FAILED');
      expect(body.message.startsWith(`${field} `)).toBe(true);
      expect(body.message).toMatch(/NUL character|unpaired UTF-16 surrogate/);
      expect(await storedRows()).toEqual(before);
    });

    it('a well-formed surrogate pair (an emoji) is text like any other', async () => {
      const before = await storedRows();
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: auth,
        payload: { sid: 'sub_emoji', authCf1: 'smile \ud83d\ude00' },
      });
      expect(res.statusCode).toBe(201);
      expect(await storedRows()).toEqual({ ...before, faceauth_tokens: before['faceauth_tokens'] + 1 });
    });
  });

  describe('JSON nested too deep → 400 before validation, nothing stored', () => {
    it.each(BODY_ROUTES)('3,000 levels (16 KB) on POST %s', async (url) => {
      const before = await storedRows();
      const res = await api.app.inject({
        method: 'POST',
        url,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: nested(3000),
      });
      expect(expectEnvelope(res, 'VALIDATION_FAILED').message).toBe('body is nested deeper than 32 levels');
      expect(await storedRows()).toEqual(before);
    });

    it.each(BODY_ROUTES)('33 levels are refused, 32 reach the validation on POST %s', async (url) => {
      const headers = { ...auth, 'content-type': 'application/json' };
      const over = await api.app.inject({ method: 'POST', url, headers, payload: nested(33) });
      expect(expectEnvelope(over, 'VALIDATION_FAILED').message).toBe('body is nested deeper than 32 levels');
      const at = await api.app.inject({ method: 'POST', url, headers, payload: nested(32) });
      const message = expectEnvelope(at, 'VALIDATION_FAILED').message;
      expect(message).toContain('property a should not exist');
      expect(message).not.toContain('nested deeper');
    });
  });

  describe('unknown project → 400 UNKNOWN_PROJECT, nothing stored', () => {
    it('POST /v1/links with project=nope', async () => {
      const before = await storedRows();
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: auth,
        payload: { sid: 'sub_ok', project: 'nope' },
      });
      expectEnvelope(res, 'UNKNOWN_PROJECT');
      expect(await storedRows()).toEqual(before);
    });

    it('POST /v1/faceauth with project=nope calls no Argos', async () => {
      const before = await storedRows();
      const form = multipart({ submissionId: 'sub_ok', project: 'nope' });
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/faceauth',
        headers: { ...auth, ...form.headers },
        payload: form.payload,
      });
      expect(expectEnvelope(res, 'UNKNOWN_PROJECT').message).toBe('project "nope" is not configured');
      expect(argos.requests).toEqual([]);
      expect(await storedRows()).toEqual(before);
    });

    it('list filters keep filtering by name: a project no longer configured lists nothing', async () => {
      for (const route of ['/v1/links', '/v1/results']) {
        const res = await api.app.inject({ method: 'GET', url: `${route}?project=nope`, headers: auth });
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toEqual([]);
      }
    });
  });

  it.each(['submissionId', 'userId', 'cf1'])(
    'NUL in the %s text field of POST /v1/faceauth → 400 naming the field, no Argos call',
    async (field) => {
      const before = await storedRows();
      const calls = argos.requests.length;
      const form = multipart({ submissionId: 'sub_ok', [field]: 'a\u0000b' });
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/faceauth',
        headers: { ...auth, ...form.headers },
        payload: form.payload,
      });
      expect(expectEnvelope(res, 'VALIDATION_FAILED').message).toContain(field);
      expect(argos.requests.length).toBe(calls);
      expect(await storedRows()).toEqual(before);
    },
  );

  it('GET /v1/links/:id with a well-formed unknown id is still a 404', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/links/${LINK_ID}`, headers: auth });
    expect(res.statusCode).toBe(404);
  });
});
