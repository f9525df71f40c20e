import { AddressInfo, connect } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import { HttpAdapterHost } from '@nestjs/core';
import Fastify, { FastifyInstance } from 'fastify';
import { DomainError } from '@faceauth/core';
import { MultipartBodyRegistrar } from '../../libs/admin-api/src/http/multipart-body.registrar';
import { parseMultipartForm } from '../../libs/admin-api/src/results/multipart-form.parser';
import { eventually } from '../support/sandbox-journey';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { createTestDatabase, databasesUnderTest, TestDatabase } from '../support/test-databases';

const LIMITS = { fileField: 'faceImage', fileBytes: 4096, fields: 3, fieldBytes: 64 };

/** A real Fastify server whose one route parses the form the way `POST /v1/faceauth` does. */
async function startServer(
  withHostMultipart: boolean,
): Promise<{ app: FastifyInstance; url: string; failures: string[] }> {
  const app = Fastify({ logger: false });
  // The code of every refusal, also of those whose client was gone: proves that no parse is left hanging.
  const failures: string[] = [];
  if (withHostMultipart) await app.register(fastifyMultipart);
  const adapter = { getType: () => 'fastify', getInstance: () => app };
  new MultipartBodyRegistrar({ httpAdapter: adapter } as unknown as HttpAdapterHost).onModuleInit();
  app.post('/form', async (request, reply) => {
    // `?delay=ms` parses only after a pause, like the real route after its guard.
    const delay = Number((request.query as { delay?: string }).delay ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const form = await parseMultipartForm(request, LIMITS);
      return {
        fields: form.fields,
        file: form.file && {
          name: form.file.filename,
          bytes: form.file.data.length,
          first: form.file.data[0],
        },
      };
    } catch (error) {
      const domain = error as DomainError<string>;
      failures.push(domain.code);
      return reply.code(400).send({ code: domain.code, message: domain.message });
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, failures };
}

function form(fields: Record<string, string>, files: { name: string; bytes: number }[] = []): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append(f.name, new Blob([Buffer.alloc(f.bytes, 0xd8)]), 'face.jpg');
  return body;
}

async function post(url: string, body: FormData | string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/form`, { method: 'POST', body, headers });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const BOUNDARY_ZZ = { 'content-type': 'multipart/form-data; boundary=zz' };

/** Issue 17's body: a file part whose closing boundary never comes, with a matching Content-Length. */
const TRUNCATED_FILE_PART = Buffer.concat([
  Buffer.from(
    '--zz\r\nContent-Disposition: form-data; name="faceImage"; filename="a.jpg"\r\n' +
      'Content-Type: image/jpeg\r\n\r\n',
  ),
  Buffer.from([0xff, 0xd8]),
  Buffer.from('abc'),
]);

/** A raw HTTP/1.1 answer read off a socket; `status` is null when the server closed without one. */
interface RawAnswer {
  status: number | null;
  body: string;
}

/**
 * Sends a request over a plain socket (no client library fixes the body up). With `abortAfter`, only that
 * many body bytes are written before the socket is destroyed, like a client that dies mid-upload.
 */
async function sendRaw(
  url: string,
  head: string,
  body: Buffer,
  abortAfter?: number,
): Promise<RawAnswer | 'aborted'> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  if (abortAfter !== undefined) {
    socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, abortAfter)]));
    socket.destroy();
    return 'aborted';
  }
  let received = Buffer.alloc(0);
  const answer = new Promise<RawAnswer>((resolve) => {
    const finish = (): void => {
      socket.destroy();
      const text = received.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1];
      resolve({ status: status ? Number(status) : null, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(text)?.[1];
      if (end >= 0 && length !== undefined && received.length >= end + 4 + Number(length)) finish();
    });
    socket.once('close', finish);
  });
  socket.write(Buffer.concat([Buffer.from(head), body]));
  return answer;
}

function multipartHead(path: string, headers: Record<string, string>, length: number): string {
  const lines = Object.entries({ host: '127.0.0.1', ...headers, 'content-length': String(length) });
  return `POST ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

describe.each([
  ['the registrar', false],
  ['a host that registered @fastify/multipart', true],
])('multipart form of POST /v1/faceauth, parser from %s', (_label, withHostMultipart) => {
  let app: FastifyInstance;
  let url: string;
  let failures: string[];
  beforeAll(async () => ({ app, url, failures } = await startServer(withHostMultipart)));
  afterAll(() => app.close());

  it('reads the fields and the one file from the request stream', async () => {
    const res = await post(
      url,
      form({ submissionId: 'sub_1', userId: 'u1' }, [{ name: 'faceImage', bytes: 4096 }]),
    );
    expect(res).toEqual({
      status: 200,
      json: {
        fields: { submissionId: 'sub_1', userId: 'u1' },
        file: { name: 'face.jpg', bytes: 4096, first: 0xd8 },
      },
    });
  });

  it('refuses a file over the limit as IMAGE_TOO_LARGE without buffering it, and the connection lives on', async () => {
    const res = await post(url, form({ submissionId: 's' }, [{ name: 'faceImage', bytes: 2 * 1024 * 1024 }]));
    expect(res.json).toEqual({ code: 'IMAGE_TOO_LARGE', message: 'faceImage is larger than 4096 bytes' });
    // The rest of the body is discarded, not left unread: a stalled keep-alive connection would hang these.
    for (let i = 0; i < 3; i++) expect((await post(url, form({ submissionId: `s${i}` }))).status).toBe(200);
  });

  it.each([
    [
      'a second file',
      form({}, [
        { name: 'faceImage', bytes: 10 },
        { name: 'faceImage', bytes: 10 },
      ]),
      'only one file',
    ],
    ['a file under another name', form({}, [{ name: 'avatar', bytes: 10 }]), 'got avatar'],
    ['a field over its size', form({ submissionId: 'x'.repeat(65) }), 'submissionId is longer than 64 bytes'],
    ['too many fields', form({ a: '1', b: '2', c: '3', d: '4' }), 'at most 3 form fields'],
  ])('refuses %s with a 400 naming the problem', async (_case, body, message) => {
    const res = await post(url, body);
    expect(res.json.code).toBe('VALIDATION_FAILED');
    expect(res.json.message).toContain(message);
  });

  it('refuses a body that is not multipart, has no boundary or is cut short', async () => {
    const notMultipart = await fetch(`${url}/form`, {
      method: 'POST',
      body: '{"submissionId":"s"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(((await notMultipart.json()) as { message: string }).message).toContain(
      'must be multipart/form-data',
    );
    const noBoundary = await post(url, 'x', { 'content-type': 'multipart/form-data; charset=utf-8' });
    expect(noBoundary.json).toMatchObject({
      code: 'MALFORMED_MULTIPART',
      message: expect.stringContaining('boundary'),
    });
    const cut = await post(url, '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', {
      'content-type': 'multipart/form-data; boundary=b',
    });
    expect(cut.json).toMatchObject({
      code: 'MALFORMED_MULTIPART',
      message: expect.stringMatching(/malformed|ended before/),
    });
  });

  it.each([
    ['a file part whose closing boundary never comes', TRUNCATED_FILE_PART],
    ['junk where the parts should be', Buffer.from('no delimiter here, only junk\r\n\r\n')],
  ])('refuses %s with MALFORMED_MULTIPART and keeps serving', async (_case, body) => {
    const res = await post(url, body, BOUNDARY_ZZ);
    expect(res).toEqual({ status: 400, json: { code: 'MALFORMED_MULTIPART', message: expect.any(String) } });
    expect((await post(url, form({ submissionId: 's' }, [{ name: 'faceImage', bytes: 10 }]))).status).toBe(
      200,
    );
  });

  it.each([
    ['while the form is read', '/form'],
    ['before the handler starts reading', '/form?delay=300'],
  ])('settles the parse of a client that disconnects %s, and keeps serving', async (_case, path) => {
    const before = failures.length;
    const body = Buffer.concat([TRUNCATED_FILE_PART, Buffer.alloc(2048, 0xd8)]);
    expect(await sendRaw(url, multipartHead(path, BOUNDARY_ZZ, 4096), body, 1024)).toBe('aborted');
    await eventually(async () => failures.length > before, 10_000);
    expect(failures.slice(before)).toEqual(['MALFORMED_MULTIPART']);
    expect((await post(url, form({ submissionId: 's' }))).status).toBe(200);
  });
});

describe('MultipartBodyRegistrar', () => {
  it('adds nothing on an adapter other than Fastify', () => {
    const getInstance = jest.fn();
    const adapter = { getType: () => 'express', getInstance };
    new MultipartBodyRegistrar({ httpAdapter: adapter } as unknown as HttpAdapterHost).onModuleInit();
    expect(getInstance).not.toHaveBeenCalled();
  });

  it.each([
    [false, 415],
    [true, 200],
  ])('registrar added: %s → a multipart body gets %s', async (registered, status) => {
    const app = Fastify({ logger: false });
    app.post('/form', async () => ({ ok: true }));
    const adapter = { getType: () => 'fastify', getInstance: () => app };
    if (registered)
      new MultipartBodyRegistrar({ httpAdapter: adapter } as unknown as HttpAdapterHost).onModuleInit();
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b--\r\n',
    });
    expect(res.statusCode).toBe(status);
    await app.close();
  });
});

const UPLOADER_KEY = 'multipart-uploader-secret-0000000001';

function part(name: string, filename: string): string {
  return (
    `--zz\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
    'Content-Type: image/jpeg\r\n\r\n\xff\xd8abc\r\n'
  );
}

/**
 * Issue 17: one malformed upload used to stop the whole API (an unhandled 'error' event on the file
 * stream). Each body below goes to the built service over a raw socket with a results:write key: the
 * answer is a 4xx envelope (or nothing, for a client that left) and the process keeps serving.
 */
describe.each(databasesUnderTest())('malformed uploads to the built service on %s', (kind) => {
  let database: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    service = await startServiceProcess({
      ...(database.config.type === 'sqlite'
        ? { SQLITE_PATH: database.config.path }
        : { DATABASE_URL: database.config.url }),
      INTERNAL_API_KEYS: `uploader|results:write|${UPLOADER_KEY}`,
      RECONCILE_ENABLED: 'false',
      CLEANUP_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await service?.kill('SIGTERM');
    await database?.drop();
  });

  const headers = (contentType: string) => ({ 'x-api-key': UPLOADER_KEY, 'content-type': contentType });

  it.each([
    [
      'a file part whose closing boundary never comes',
      BOUNDARY_ZZ['content-type'],
      TRUNCATED_FILE_PART,
      'MALFORMED_MULTIPART',
    ],
    ['no boundary', 'multipart/form-data; charset=utf-8', Buffer.from('x'), 'MALFORMED_MULTIPART'],
    [
      'junk after the headers',
      BOUNDARY_ZZ['content-type'],
      Buffer.from('\x00\x01junk, no delimiter'),
      'MALFORMED_MULTIPART',
    ],
    [
      'a second file part',
      BOUNDARY_ZZ['content-type'],
      Buffer.from(part('faceImage', 'a.jpg') + part('faceImage', 'b.jpg') + '--zz--\r\n', 'latin1'),
      'VALIDATION_FAILED',
    ],
  ])('answers %s with a 400 envelope and keeps serving', async (_case, contentType, body, code) => {
    const answer = await sendRaw(
      service.url,
      multipartHead('/v1/faceauth', headers(contentType), body.length),
      body,
    );
    expect(answer).not.toBe('aborted');
    const { status, body: text } = answer as RawAnswer;
    expect({ status, envelope: JSON.parse(text) }).toEqual({
      status: 400,
      envelope: { statusCode: 400, code, message: expect.any(String), requestId: expect.any(String) },
    });
    expect(service.child.exitCode).toBeNull();
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('survives a client that disconnects mid-upload', async () => {
    const body = Buffer.concat([TRUNCATED_FILE_PART, Buffer.alloc(64 * 1024, 0xd8)]);
    const head = multipartHead('/v1/faceauth', headers(BOUNDARY_ZZ['content-type']), body.length + 10);
    expect(await sendRaw(service.url, head, body, 32 * 1024)).toBe('aborted');
    // Give the service the time to see the reset before asking it anything.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.child.exitCode).toBeNull();
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect(service.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
