import { AddressInfo } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import { HttpAdapterHost } from '@nestjs/core';
import Fastify, { FastifyInstance } from 'fastify';
import { DomainError } from '@faceauth/core';
import { MultipartBodyRegistrar } from '../../libs/admin-api/src/http/multipart-body.registrar';
import { parseMultipartForm } from '../../libs/admin-api/src/results/multipart-form.parser';

const LIMITS = { fileField: 'faceImage', fileBytes: 4096, fields: 3, fieldBytes: 64 };

/** A real Fastify server whose one route parses the form the way `POST /v1/faceauth` does. */
async function startServer(withHostMultipart: boolean): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  if (withHostMultipart) await app.register(fastifyMultipart);
  const adapter = { getType: () => 'fastify', getInstance: () => app };
  new MultipartBodyRegistrar({ httpAdapter: adapter } as unknown as HttpAdapterHost).onModuleInit();
  app.post('/form', async (request, reply) => {
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
      return reply.code(400).send({ code: domain.code, message: domain.message });
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

function form(fields: Record<string, string>, files: { name: string; bytes: number }[] = []): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append(f.name, new Blob([Buffer.alloc(f.bytes, 0xd8)]), 'face.jpg');
  return body;
}

async function post(url: string, body: FormData | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/form`, { method: 'POST', body, headers });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe.each([
  ['the registrar', false],
  ['a host that registered @fastify/multipart', true],
])('multipart form of POST /v1/faceauth, parser from %s', (_label, withHostMultipart) => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => ({ app, url } = await startServer(withHostMultipart)));
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
    expect(noBoundary.json.message).toContain('boundary');
    const cut = await post(url, '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', {
      'content-type': 'multipart/form-data; boundary=b',
    });
    expect(cut.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/malformed|ended early/),
    });
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
