import { inspect } from 'node:util';
import {
  ArgosClientError,
  ArgosClientRegistry,
  ArgosErrorCode,
  createArgosTransport,
  resolveArgosClientOptions,
} from '@faceauth/argos-client';
import { closeClients, JPEG_BYTES, makeClient, rejectionOf, TEST_API_KEY } from './support/client.fixture';
import {
  FakeArgosServer,
  FakeHandler,
  hang,
  resetConnection,
  sendJson,
  sendText,
} from './support/fake-argos.server';

// Real dependencies: node:http server on 127.0.0.1, real axios. Checks that the API key and the image
// bytes never leave through an error, and that the key travels only in the x-api-key header.

const MARKER = 'IMAGE-BYTES-MARKER-5c1e';
const IMAGE = Buffer.concat([JPEG_BYTES, Buffer.from(MARKER)]);
const FORBIDDEN_TEXTS = [TEST_API_KEY, MARKER, Buffer.from(MARKER).toString('base64').slice(0, 16)];

function renderings(error: unknown): string[] {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true, getters: true }),
  ];
}

function expectNoSecrets(texts: string[]): void {
  for (const text of texts) for (const secret of FORBIDDEN_TEXTS) expect(text).not.toContain(secret);
}

describe('Argos client secrets (real local HTTP server)', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => closeClients());

  const submit = (overrides = {}) =>
    makeClient(server.baseUrl, { timeouts: { uploadMs: 200, requestMs: 200 }, ...overrides }).submitFaceImage(
      {
        submissionId: 'sub-1',
        image: IMAGE,
        filename: 'face.jpg',
        mimeType: 'image/jpeg',
      },
    );

  it.each<[string, FakeHandler]>([
    [
      '400 echoing the key in errorCode, message and traceId',
      (_q, res) =>
        sendJson(res, 400, {
          errorCode: `bad ${TEST_API_KEY}`,
          message: `invalid ${TEST_API_KEY}`,
          traceId: TEST_API_KEY,
        }),
    ],
    ['403 echoing the key', (_q, res) => sendText(res, 403, `Forbidden: key ${TEST_API_KEY} invalid`)],
    ['413', (_q, res) => sendText(res, 413, 'Request Entity Too Large')],
    ['500', (_q, res) => sendJson(res, 500, { message: TEST_API_KEY })],
    ['a hang (timeout)', hang],
    ['a reset', (_q, res) => resetConnection(res)],
    [
      'a redirect',
      (_q, res) => {
        res.writeHead(302, { location: `/x?key=${TEST_API_KEY}` });
        res.end();
      },
    ],
    ['a malformed 200', (_q, res) => sendText(res, 200, `not json ${TEST_API_KEY}`)],
  ])('no error rendering contains the key or image bytes: %s', async (_case, handler) => {
    server.handle(handler);
    const error = await rejectionOf(submit());
    expect(error).toBeInstanceOf(ArgosClientError);
    expectNoSecrets(renderings(error));
  });

  it('redacts the key from vendor text but keeps the rest of it', async () => {
    server.handle((_q, res) =>
      sendJson(res, 400, { errorCode: 'invalid_data_format', message: `key ${TEST_API_KEY} rejected` }),
    );
    const error = (await rejectionOf(submit())) as ArgosClientError;
    expect(error.message).toContain('key [redacted] rejected');
    expect(error.vendorCode).toBe('invalid_data_format');
  });

  it('no rendering of an aborted, refused or refused-locally call contains secrets', async () => {
    const probe = await FakeArgosServer.start();
    const closedUrl = probe.baseUrl;
    await probe.close();
    const errors = [
      await rejectionOf(
        makeClient(closedUrl).submitFaceImage({
          submissionId: 's',
          image: IMAGE,
          filename: 'f.jpg',
          mimeType: 'image/jpeg',
        }),
      ),
      await rejectionOf(
        makeClient(server.baseUrl, { maxImageBytes: 10 }).submitFaceImage({
          submissionId: 's',
          image: IMAGE,
          filename: 'f.jpg',
          mimeType: 'image/jpeg',
        }),
      ),
      await rejectionOf(makeClient(server.baseUrl).getResult('a', { signal: AbortSignal.abort() })),
    ];
    for (const error of errors) expectNoSecrets(renderings(error));
  });

  it('sends the key only in the x-api-key header, on every operation', async () => {
    server.handle((q, res) => {
      if (q.method === 'GET' && q.url.pathname.endsWith('/image'))
        sendText(res, 200, JPEG_BYTES.toString('base64'));
      else if (q.method === 'GET') sendJson(res, 200, [{ auth_id: 'a' }]);
      else if (q.method === 'DELETE') sendJson(res, 200, { message: 'success' });
      else sendJson(res, 200, { authentication_id: 'a', auth_status: 'approved' });
    });
    const client = makeClient(server.baseUrl);
    await client.submitFaceImage({
      submissionId: 's',
      image: IMAGE,
      filename: 'f.jpg',
      mimeType: 'image/jpeg',
    });
    await client.getResult('a');
    await client.listResultsPage();
    await client.getImage('a');
    await client.deleteResult('a');
    expect(server.requests).toHaveLength(5);
    for (const request of server.requests) {
      expect(request.apiKey).toBe(TEST_API_KEY);
      const { 'x-api-key': _key, ...otherHeaders } = request.headers;
      expect(JSON.stringify(otherHeaders)).not.toContain(TEST_API_KEY);
      expect(request.url.toString()).not.toContain(TEST_API_KEY);
      expect(request.body.toString('latin1')).not.toContain(TEST_API_KEY);
    }
  });

  it('inspecting or serialising the client, the registry and the resolved options never shows the key', () => {
    const options = resolveArgosClientOptions({
      baseUrl: server.baseUrl,
      projects: [{ name: 'main', apiKey: TEST_API_KEY }],
    });
    const transport = createArgosTransport(options);
    const registry = new ArgosClientRegistry(options, transport);
    try {
      expectNoSecrets([
        inspect(options, { depth: Infinity }),
        JSON.stringify(options),
        inspect(registry, { depth: Infinity }),
        inspect(registry.get(), { depth: Infinity }),
        JSON.stringify(registry.get()),
      ]);
      // The key is still there for the client to use.
      expect(options.projects[0].apiKey).toBe(TEST_API_KEY);
    } finally {
      registry.onModuleDestroy();
    }
  });
});

describe('Argos client image guards (real local HTTP server)', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => closeClients());

  const input = (image: Buffer) => ({
    submissionId: 'sub-1',
    image,
    filename: 'face.jpg',
    mimeType: 'image/jpeg',
  });

  it('refuses an image over maxImageBytes before any request', async () => {
    server.handle((_q, res) => sendJson(res, 200, { authentication_id: 'a' }));
    const error = await rejectionOf(
      makeClient(server.baseUrl, { maxImageBytes: 1_024 }).submitFaceImage(input(Buffer.alloc(1_025, 0xff))),
    );
    expect(error).toMatchObject({
      code: ArgosErrorCode.IMAGE_TOO_LARGE,
      attempts: 0,
      operation: 'submitFaceImage',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('accepts an image of exactly maxImageBytes', async () => {
    server.handle((_q, res) => sendJson(res, 200, { authentication_id: 'a' }));
    const image = Buffer.concat([JPEG_BYTES, Buffer.alloc(1_024 - JPEG_BYTES.length, 1)]);
    await expect(
      makeClient(server.baseUrl, { maxImageBytes: 1_024 }).submitFaceImage(input(image)),
    ).resolves.toMatchObject({ authId: 'a' });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an empty image before any request', async () => {
    server.handle((_q, res) => sendJson(res, 200, { authentication_id: 'a' }));
    const error = await rejectionOf(makeClient(server.baseUrl).submitFaceImage(input(Buffer.alloc(0))));
    expect(error).toMatchObject({ code: ArgosErrorCode.INVALID_INPUT, attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses the default 5 MiB + 1 byte image before any request', async () => {
    server.handle((_q, res) => sendJson(res, 200, { authentication_id: 'a' }));
    const error = await rejectionOf(
      makeClient(server.baseUrl).submitFaceImage(input(Buffer.alloc(5 * 1024 * 1024 + 1, 0xff))),
    );
    expect(error).toMatchObject({ code: ArgosErrorCode.IMAGE_TOO_LARGE, attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });
});
