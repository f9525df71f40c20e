import { ApiHarness, startApi } from '../support/api-harness';
import { ScriptedHttpServer } from '../support/scripted-http.server';
import { sqliteFilesText } from '../support/sqlite-files';
import { databasesUnderTest } from '../support/test-databases';

const ARGOS_KEY = 'argos-add-on-key-for-results-tests';
const CALLER = 'results-caller-secret-0000000000001';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  const boundary = '----faceauthtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="face.jpg"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(databasesUnderTest())('results API against a scripted Argos on %s', (kind) => {
  const argos = new ScriptedHttpServer();
  let api: ApiHarness;
  const auth = { authorization: `Bearer ${CALLER}` };

  beforeAll(async () => {
    const base = await argos.start();
    api = await startApi(kind, {
      env: {
        FACEAUTH_PID: 'pid-results',
        FACEAUTH_API_KEY: ARGOS_KEY,
        ARGOS_API_BASE_URL: `${base}/v3`,
        ARGOS_MAX_IMAGE_BYTES: '4096',
        ARGOS_MAX_ATTEMPTS: '2',
        INTERNAL_API_KEYS: `caller|results:read,results:write,results:delete|${CALLER}`,
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await argos.stop();
  });
  beforeEach(() => argos.requests.splice(0));

  const submit = (fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) => {
    const body = multipart(fields, file);
    return api.app.inject({
      method: 'POST',
      url: '/v1/faceauth',
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
  };

  it('submits a selfie, stores the normalised result, proxies the image and deletes at Argos and locally', async () => {
    argos.answerJson(200, {
      authentication_id: 'auth-001',
      auth_status: 'approved',
      score: { face_similarity_score: 0.97 },
      create_time: '2026-11-20T10:00:00.000Z',
    });
    const res = await submit(
      { submissionId: 'sub_ok', userId: 'user-9', cf1: 'x@example.com' },
      { name: 'faceImage', data: JPEG },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      authId: 'auth-001',
      status: 'approved',
      source: 'api',
      scores: { faceSimilarity: 0.97 },
    });
    expect(argos.requests).toHaveLength(1);
    expect(argos.requests[0]).toMatchObject({ method: 'POST', url: '/v3/faceauth' });
    expect(argos.requests[0].headers['x-api-key']).toBe(ARGOS_KEY);
    expect(argos.requests[0].body.includes(JPEG)).toBe(true);

    const listed = await api.app.inject({ method: 'GET', url: '/v1/results?status=approved', headers: auth });
    expect(listed.json().items.map((r: { authId: string }) => r.authId)).toContain('auth-001');

    argos.answerJson(200, JPEG.toString('base64'));
    const image = await api.app.inject({ method: 'GET', url: '/v1/results/auth-001/image', headers: auth });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('no-store');
    expect(image.rawPayload.equals(JPEG)).toBe(true);

    argos.answerJson(200, { message: 'success' });
    const deleted = await api.app.inject({ method: 'DELETE', url: '/v1/results/auth-001', headers: auth });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({
      authId: 'auth-001',
      status: 'approved',
      authUserId: null,
      cf1: null,
      scores: null,
    });
    expect(deleted.json().purgedAt).not.toBeNull();
    // Erased on disk too, not only in the row (SQLite: secure_delete and an emptied WAL).
    if (kind === 'sqlite') {
      const onDisk = sqliteFilesText(api.database);
      expect(onDisk).toContain('auth-001');
      expect(['user-9', 'x@example.com'].filter((value) => onDisk.includes(value))).toEqual([]);
    }
    expect(argos.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/v3/faceauth?authId=auth-001' });
  });

  it.each([
    [
      '400 with errorCode',
      400,
      { errorCode: 'invalid_data_format', message: 'bad' },
      {},
      422,
      'ARGOS_BAD_REQUEST',
    ],
    ['400 bare errorCode', 400, { errorCode: 'required_field_missing' }, {}, 422, 'ARGOS_BAD_REQUEST'],
    [
      '403 explicit deny',
      403,
      { message: 'User is not authorized to access this resource with an explicit deny' },
      {},
      502,
      'ARGOS_IP_NOT_ALLOWED',
    ],
    ['403 Forbidden', 403, { message: 'Forbidden' }, {}, 502, 'ARGOS_INVALID_API_KEY'],
    ['413', 413, { message: 'Request Entity Too Large' }, {}, 413, 'ARGOS_PAYLOAD_TOO_LARGE'],
    ['500', 500, { message: 'Internal Server Error' }, {}, 503, 'ARGOS_SERVER_ERROR'],
    ['502', 502, { message: 'Bad Gateway' }, { 'retry-after': '1' }, 503, 'ARGOS_BAD_GATEWAY'],
  ])(
    'maps Argos %s on a submission to its documented answer',
    async (_label, status, body, headers, expectedStatus, expectedCode) => {
      argos.answerJson(status, body, headers);
      const res = await submit(
        { submissionId: 'sub_x' },
        { name: 'faceImage', data: PNG, type: 'image/png' },
      );
      expect(res.statusCode).toBe(expectedStatus);
      expect(res.json()).toMatchObject({ statusCode: expectedStatus, code: expectedCode });
      if (expectedStatus === 503) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).not.toContain(ARGOS_KEY);
      expect(argos.requests).toHaveLength(1);
    },
  );

  it('retries an idempotent lookup on 5xx up to the configured attempts, then answers 503', async () => {
    argos.answerJson(500, {});
    const res = await api.app.inject({
      method: 'GET',
      url: '/v1/results/auth-zzz?refresh=true',
      headers: auth,
    });
    expect(res.statusCode).toBe(503);
    expect(argos.requests).toHaveLength(2);
  });

  it('refuses oversized, empty and non-image uploads before calling Argos', async () => {
    const cases = [
      [{ name: 'faceImage', data: Buffer.alloc(5000, 0xff) }, 413],
      [{ name: 'faceImage', data: Buffer.alloc(0) }, 400],
      [{ name: 'faceImage', data: Buffer.from('GIF89a not a selfie') }, 400],
      [undefined, 400],
      [{ name: 'otherFile', data: JPEG }, 400],
    ] as const;
    for (const [file, status] of cases) {
      const res = await submit({ submissionId: 'sub_x' }, file);
      expect({ status: res.statusCode, code: res.json().code }).toMatchObject({ status });
    }
    expect((await submit({}, { name: 'faceImage', data: JPEG })).json().message).toContain('submissionId');
    expect(
      (await submit({ submissionId: 's', colour: 'red' }, { name: 'faceImage', data: JPEG })).json().message,
    ).toContain('colour');
    const json = await api.app.inject({
      method: 'POST',
      url: '/v1/faceauth',
      headers: auth,
      payload: { submissionId: 's' },
    });
    expect(json.statusCode).toBe(400);
    expect(argos.requests).toHaveLength(0);
  });

  it('answers 404 for an unknown result and 400 for a malformed id', async () => {
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/results/nope-404', headers: auth })).statusCode,
    ).toBe(404);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/results/bad%20id', headers: auth })).statusCode,
    ).toBe(400);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/results?from=yesterday', headers: auth })).json()
        .message,
    ).toContain('from');
  });
});
