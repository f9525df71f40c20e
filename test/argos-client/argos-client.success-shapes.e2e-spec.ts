import { ArgosErrorCode } from '@faceauth/argos-client';
import {
  closeClients,
  JPEG_BYTES,
  makeClient,
  PNG_BYTES,
  rejectionOf,
  TEST_API_KEY,
} from './support/client.fixture';
import { FakeArgosServer, readMultipart, sendJson, sendText, sequence } from './support/fake-argos.server';

// Real dependencies: node:http server on 127.0.0.1, real axios and multipart encoding. Bodies follow
// every shape of ARGOS-CONTRACT.md section 4.

const POST_RESPONSE = {
  authentication_id: 'auth-100',
  auth_status: 'rejected',
  score: { face_similarity_score: 41.5, occluded_score: 2, face_cover_score: 1, head_cover_score: 0 },
  create_time: '2026-03-01T10:00:00.000Z',
  fail_code: ['Face_compare_underscore'],
  rejected_comment: ['similarity under threshold'],
};
const GET_RECORD = {
  auth_id: 'auth-1',
  auth_status: 'APPROVED',
  create_time: '2026-03-01 10:00:00',
  submit_type: 'form',
  kyc_submission_id: 'sub-1',
  delete_check: false,
  policy: { faceSimilarity_threshold: 80, liveness_threshold: 50 },
  result: { face_similarity: 97.2, active_liveness_score: 88, detectOccluded: false },
  reject_comment: [],
  some_future_field: { nested: true },
};

describe('Argos client success shapes (real local HTTP server)', () => {
  let server: FakeArgosServer;
  beforeAll(async () => {
    server = await FakeArgosServer.start();
  });
  afterAll(() => server.close());
  afterEach(() => closeClients());

  describe('submitFaceImage (POST /faceauth, multipart)', () => {
    it('sends the fields and the image as multipart/form-data with the x-api-key header', async () => {
      server.handle((_q, res) => sendJson(res, 200, POST_RESPONSE));
      const record = await makeClient(server.baseUrl).submitFaceImage({
        submissionId: 'sub-1',
        image: JPEG_BYTES,
        filename: 'selfie.jpg',
        mimeType: 'image/jpeg',
        userId: 'user-9',
        cf1: 'a@example.com',
      });
      const [request] = server.requests;
      expect(request.method).toBe('POST');
      expect(request.url.pathname).toBe('/v3/faceauth');
      expect(request.apiKey).toBe(TEST_API_KEY);
      expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await readMultipart(request);
      expect(form.get('submissionId')).toBe('sub-1');
      expect(form.get('userId')).toBe('user-9');
      expect(form.get('cf1')).toBe('a@example.com');
      expect(form.has('cf2')).toBe(false);
      const file = form.get('faceImage') as File;
      expect(file.name).toBe('selfie.jpg');
      expect(file.type).toBe('image/jpeg');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(JPEG_BYTES);

      expect(record).toEqual({
        authId: 'auth-100',
        status: 'rejected',
        createdAt: new Date('2026-03-01T10:00:00.000Z'),
        deleted: false,
        scores: { faceSimilarity: 41.5, occluded: 2, faceCover: 1, headCover: 0 },
        failCodes: ['face_compare_underscore'],
        rejectComments: ['similarity under threshold'],
        submissionId: 'sub-1',
        userId: 'user-9',
        cf1: 'a@example.com',
      });
    });

    it('accepts the answer wrapped in the nested list shape', async () => {
      server.handle((_q, res) =>
        sendJson(res, 200, [{ faceAuth_projectId: 'pid-1', data: [POST_RESPONSE] }]),
      );
      const record = await makeClient(server.baseUrl).submitFaceImage({
        submissionId: 'sub-1',
        image: PNG_BYTES,
        filename: 'selfie.png',
        mimeType: 'image/png',
      });
      expect(record).toMatchObject({ authId: 'auth-100', projectId: 'pid-1', status: 'rejected' });
    });
  });

  describe('getResult (GET /faceauth?authId=)', () => {
    const expected = {
      authId: 'auth-1',
      status: 'approved',
      createdAt: new Date('2026-03-01T10:00:00Z'),
      submitType: 'form',
      submissionId: 'sub-1',
      deleted: false,
      scores: { faceSimilarity: 97.2, activeLiveness: 88 },
      policy: { faceSimilarity_threshold: 80, liveness_threshold: 50 },
      failCodes: [],
      rejectComments: [],
    };

    it.each<[string, unknown, Record<string, unknown>]>([
      [
        'the newest nested shape',
        [{ faceAuth_projectId: 'pid-1', data: [GET_RECORD] }],
        { projectId: 'pid-1' },
      ],
      ['the older flat array', [GET_RECORD], {}],
      ['a bare object', GET_RECORD, {}],
      ['an object with data', { data: [GET_RECORD] }, {}],
      ['a double-encoded JSON string', JSON.stringify([GET_RECORD]), {}],
    ])('reads %s', async (_shape, body, extra) => {
      server.handle((_q, res) => sendJson(res, 200, body));
      await expect(makeClient(server.baseUrl).getResult('auth-1')).resolves.toEqual({
        ...expected,
        ...extra,
      });
      expect(server.requests[0].url.searchParams.get('authId')).toBe('auth-1');
      expect(server.requests[0].method).toBe('GET');
    });

    it('reads the old spellings: Authentication_id and the misspelt aurh_status', async () => {
      server.handle((_q, res) =>
        sendJson(res, 200, {
          Authentication_id: 'auth-2',
          aurh_status: 'Rejected',
          fail_code: 'Head_cover_fail',
        }),
      );
      await expect(makeClient(server.baseUrl).getResult('auth-2')).resolves.toMatchObject({
        authId: 'auth-2',
        status: 'rejected',
        failCodes: ['head_cover_fail'],
      });
    });

    it('picks the requested record when Argos ignores the filter', async () => {
      server.handle((_q, res) =>
        sendJson(res, 200, [{ auth_id: 'other' }, { auth_id: 'auth-1', auth_status: 'approved' }]),
      );
      await expect(makeClient(server.baseUrl).getResult('auth-1')).resolves.toMatchObject({
        authId: 'auth-1',
      });
    });

    it.each<[string, unknown]>([
      ['an empty array', []],
      ['an empty nested group', [{ faceAuth_projectId: 'pid-1', data: [] }]],
      ['other records only', [{ auth_id: 'other' }]],
    ])('is ARGOS_NOT_FOUND for %s', async (_case, body) => {
      server.handle((_q, res) => sendJson(res, 200, body));
      await expect(makeClient(server.baseUrl).getResult('auth-1')).rejects.toMatchObject({
        code: ArgosErrorCode.NOT_FOUND,
        attempts: 1,
      });
    });
  });

  describe('getImage (GET /faceauth/image)', () => {
    const b64 = JPEG_BYTES.toString('base64');
    it.each<[string, (res: import('node:http').ServerResponse) => void, Buffer, string]>([
      ['a bare base64 string', (res) => sendText(res, 200, b64), JPEG_BYTES, 'image/jpeg'],
      ['a JSON-quoted base64 string', (res) => sendJson(res, 200, b64), JPEG_BYTES, 'image/jpeg'],
      [
        'a data: URL',
        (res) => sendText(res, 200, `data:image/png;base64,${PNG_BYTES.toString('base64')}`),
        PNG_BYTES,
        'image/png',
      ],
      ['a JSON object wrapper', (res) => sendJson(res, 200, { image: b64 }), JPEG_BYTES, 'image/jpeg'],
      [
        'base64 folded over lines',
        (res) => sendText(res, 200, `${b64.slice(0, 20)}\r\n${b64.slice(20)}\n`),
        JPEG_BYTES,
        'image/jpeg',
      ],
      [
        'raw JPEG bytes',
        (res) => {
          res.writeHead(200, { 'content-type': 'image/jpeg' });
          res.end(JPEG_BYTES);
        },
        JPEG_BYTES,
        'image/jpeg',
      ],
    ])('decodes %s', async (_shape, respond, bytes, mimeType) => {
      server.handle((_q, res) => respond(res));
      const image = await makeClient(server.baseUrl).getImage('auth-1');
      expect(image.mimeType).toBe(mimeType);
      expect(image.data.equals(bytes)).toBe(true);
      expect(server.requests[0].url.pathname).toBe('/v3/faceauth/image');
      expect(server.requests[0].url.searchParams.get('authId')).toBe('auth-1');
    });

    it.each<[string, string, ArgosErrorCode]>([
      [
        'base64 of something that is not an image',
        Buffer.from('%PDF-1.4 not an image').toString('base64'),
        ArgosErrorCode.BAD_RESPONSE,
      ],
      ['text that is not base64', '<html>oops</html>', ArgosErrorCode.BAD_RESPONSE],
      ['an empty body', '', ArgosErrorCode.NOT_FOUND],
    ])('rejects %s', async (_case, body, code) => {
      server.handle((_q, res) => sendText(res, 200, body));
      await expect(makeClient(server.baseUrl).getImage('auth-1')).rejects.toMatchObject({
        code,
        attempts: 1,
      });
    });
  });

  describe('deleteResult (DELETE /faceauth?authId=)', () => {
    it('resolves on {"message":"success"}', async () => {
      server.handle((_q, res) => sendJson(res, 200, { message: 'success' }));
      await expect(makeClient(server.baseUrl).deleteResult('auth-1')).resolves.toBeUndefined();
      expect(server.requests[0].method).toBe('DELETE');
      expect(server.requests[0].url.searchParams.get('authId')).toBe('auth-1');
    });

    it('treats "record gone" on a retry as done: the failed attempt may have deleted it', async () => {
      server.handle(
        sequence(
          (_q, res) => sendJson(res, 502, {}),
          (_q, res) => sendJson(res, 400, { errorCode: 'Cannot find submission. Please check input data.' }),
        ),
      );
      await expect(makeClient(server.baseUrl).deleteResult('auth-1')).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('client-side validation (no request sent)', () => {
    it.each<[string, () => Promise<unknown>]>([
      ['an empty authId', () => makeClient(server.baseUrl).getResult('  ')],
      ['an authId with a newline', () => makeClient(server.baseUrl).deleteResult('a\nb')],
      [
        'a start date without an end date',
        async () => makeClient(server.baseUrl).listResults({ startDate: '2026-01-01' }),
      ],
      [
        'a malformed date',
        async () => makeClient(server.baseUrl).listResults({ startDate: '2026-1-1', endDate: '2026-01-02' }),
      ],
      ['a count over 2000', async () => makeClient(server.baseUrl).listResults({ count: 2001 })],
    ])('refuses %s with ARGOS_INVALID_INPUT', async (_case, call) => {
      server.handle((_q, res) => sendJson(res, 200, []));
      const error = await rejectionOf(call());
      expect(error).toMatchObject({ code: ArgosErrorCode.INVALID_INPUT, attempts: 0 });
      expect(server.requests).toHaveLength(0);
    });
  });
});
