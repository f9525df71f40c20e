import { ArgosClient, ArgosClientError, ArgosErrorCode } from '@faceauth/argos-client';
import {
  DELETE_ERRORS,
  GATEWAY_ERRORS,
  IMAGE_PROJECT_NOT_FOUND,
  POST_ERRORS,
  VendorErrorFixture,
} from './fixtures/faceauth-errors.fixture';
import { IMAGE_BODY, IMAGE_BYTES, IMAGE_SAMPLE_PREFIX } from './fixtures/faceauth-image.fixture';
import {
  buildRecord,
  GET_FACEAUTH_DELETED_SAMPLE,
  GET_FACEAUTH_FLAT_SAMPLE,
  GET_FACEAUTH_GROUPED_SAMPLE,
} from './fixtures/faceauth-records.fixture';
import {
  closeContractClients,
  CONTRACT_API_KEY as KEY,
  contractClient,
  rejectionOf,
} from './support/contract-client';
import { ListShape, VendorFixtureServer, VendorRoute } from './support/vendor-fixture.server';

// Real dependencies: the product's Argos client (real axios, multipart, retries) against a real
// node:http server on 127.0.0.1 that answers only with bodies built from the vendor's published examples.

describe('Argos client against the vendor-example fixture server', () => {
  let argos: VendorFixtureServer;
  let client: ArgosClient;

  beforeAll(async () => {
    argos = await VendorFixtureServer.start({ apiKey: KEY });
  });
  beforeEach(() => {
    argos.reset();
    argos.shape = 'grouped';
    argos.imageContentType = 'text/plain';
    client = contractClient(argos.baseUrl, KEY);
  });
  afterEach(() => closeContractClients());
  afterAll(() => argos.close());

  describe('getResult (GET /faceauth?authId=)', () => {
    it('maps the newest grouped sample: ids, status, time, 0-100 scores as sent, numeric thresholds', async () => {
      argos.putRecord(GET_FACEAUTH_GROUPED_SAMPLE[0].data[0]);
      const record = await client.getResult('sampleId1');

      expect(record).toMatchObject({
        authId: 'sampleId1',
        status: 'rejected',
        createdAt: new Date('2025-10-02T02:15:17.554Z'),
        submitType: 'form',
        submissionId: 'sampleKycId1',
        deleted: false,
        projectId: 'sampleProjectId1',
        rejectComments: ['face is occluded and the confide'],
      });
      // 100 and 97.78… on the vendor's 0-100 scale, never rescaled to 0-1.
      expect(record.scores).toEqual({ faceSimilarity: 100, activeLiveness: 97.78668212890625 });
      expect(record.policy).toEqual({
        faceSimilarity_threshold: 85,
        faceCover_threshold: 0,
        headCover_threshold: 0,
        liveness_threshold: 0,
        activeLiveness_threshold: 0,
      });
      // `occluded_threshold: false` is a switch, not a threshold of 0.
      expect(record.policy).not.toHaveProperty('occluded_threshold');

      const [request] = argos.requests;
      expect(request.method).toBe('GET');
      expect(request.url.pathname).toBe('/v3/faceauth');
      expect(request.url.searchParams.get('authId')).toBe('sampleId1');
      expect(request.apiKey).toBe(KEY);
    });

    it('maps the older flat sample (threshold 70, headCover 50, no result block)', async () => {
      argos.shape = 'flat';
      argos.putRecord(GET_FACEAUTH_FLAT_SAMPLE[0]);
      const record = await client.getResult('sampleId1');

      expect(record).toEqual({
        authId: 'sampleId1',
        status: 'approved',
        createdAt: new Date('2023-08-18T15:00:00.000Z'),
        submitType: 'sampleType',
        submissionId: 'sampleKycId1',
        deleted: false,
        scores: {},
        policy: { faceSimilarity_threshold: 70, faceCover_threshold: 0, headCover_threshold: 50 },
        failCodes: [],
        rejectComments: [],
      });
    });

    it.each<ListShape>(['grouped', 'flat'])(
      'maps kyc_submission_id to submissionId on a built record in the %s shape',
      async (shape) => {
        argos.shape = shape;
        argos.putRecord(buildRecord({ authId: 'auth-real-1', submissionId: 'sub-real-1' }));
        const record = await client.getResult('auth-real-1');

        expect(record).toMatchObject({
          authId: 'auth-real-1',
          submissionId: 'sub-real-1',
          status: 'approved',
          createdAt: new Date('2025-10-02T02:15:17.554Z'),
          scores: { faceSimilarity: 100, activeLiveness: 97.78668212890625 },
          rejectComments: [],
        });
        expect(record.projectId).toBe(shape === 'grouped' ? 'sampleProjectId1' : undefined);
        // The vendor's record carries no person and no token (ARGOS-CONTRACT.md §7).
        expect(record.userId).toBeUndefined();
        expect(record.cf1).toBeUndefined();
        expect(record.tokenId).toBeUndefined();
      },
    );

    it('maps the deleted sample: id, status and time only, deleted', async () => {
      argos.shape = 'flat';
      argos.putRecord(GET_FACEAUTH_DELETED_SAMPLE[0]);

      await expect(client.getResult('sampleId1')).resolves.toEqual({
        authId: 'sampleId1',
        status: 'approved',
        createdAt: new Date('2023-08-18T15:00:00.000Z'),
        deleted: true,
        scores: {},
        failCodes: [],
        rejectComments: [],
      });
    });

    it.each<ListShape>(['grouped', 'flat'])(
      'is ARGOS_NOT_FOUND on an empty %s answer (our assumption for an unknown id)',
      async (shape) => {
        argos.shape = shape;
        const error = await rejectionOf(client.getResult('auth-unknown'));
        expect(error).toBeInstanceOf(ArgosClientError);
        expect(error).toMatchObject({ code: ArgosErrorCode.NOT_FOUND });
      },
    );
  });

  describe('listResults (GET /faceauth)', () => {
    it('yields every record of the grouped shape with its project id', async () => {
      argos.putRecord(buildRecord({ authId: 'auth-l1', submissionId: 'sub-l1' }));
      argos.putRecord(buildRecord({ authId: 'auth-l2', submissionId: 'sub-l2', status: 'rejected' }));
      const seen = [];
      for await (const record of client.listResults()) seen.push(record);

      expect(seen.map((r) => [r.authId, r.submissionId, r.status, r.projectId])).toEqual([
        ['auth-l1', 'sub-l1', 'approved', 'sampleProjectId1'],
        ['auth-l2', 'sub-l2', 'rejected', 'sampleProjectId1'],
      ]);
      expect(argos.requests[0].url.searchParams.has('authId')).toBe(false);
    });
  });

  describe('submitFaceImage (POST /faceauth, multipart)', () => {
    const input = {
      submissionId: 'sub-post-1',
      image: IMAGE_BYTES,
      filename: 'selfie.jpg',
      mimeType: 'image/jpeg',
      userId: 'user-post',
      cf1: 'post@example.com',
    };

    it('maps the approved sample: 99.5 and 99 kept as sent, submission and person from the input', async () => {
      const record = await client.submitFaceImage(input);

      expect(record).toEqual({
        authId: 'fixture-auth-1',
        status: 'approved',
        createdAt: new Date('2023-08-08T07:04:48.633Z'),
        deleted: false,
        scores: { faceSimilarity: 99.5, occluded: 99 },
        failCodes: [],
        rejectComments: [],
        submissionId: 'sub-post-1',
        userId: 'user-post',
        cf1: 'post@example.com',
      });
      const [submission] = argos.submissions;
      expect(submission.fields).toEqual({
        submissionId: 'sub-post-1',
        userId: 'user-post',
        cf1: 'post@example.com',
      });
      expect(submission.image).toEqual({ name: 'selfie.jpg', type: 'image/jpeg', bytes: IMAGE_BYTES });
    });

    it('maps the rejected body: a 200 with fail codes (lower-cased) and comments', async () => {
      argos.submitOutcome = 'rejected';
      const record = await client.submitFaceImage(input);

      expect(record).toMatchObject({
        authId: 'fixture-auth-1',
        status: 'rejected',
        scores: { faceSimilarity: 41.2 },
        failCodes: ['face_compare_underscore'],
        rejectComments: ['Face compare similarity score is lower than the threshold'],
      });
    });
  });

  describe('getImage (GET /faceauth/image)', () => {
    it('serves a substitute that keeps the vendor sample prefix', () => {
      expect(IMAGE_BODY.startsWith(IMAGE_SAMPLE_PREFIX)).toBe(true);
      expect(IMAGE_BYTES.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    });

    it.each(['text/plain', 'application/json', 'image/jpeg'])(
      'decodes the bare base64 text to the JPEG bytes (sent as %s)',
      async (contentType) => {
        argos.imageContentType = contentType;
        argos.putRecord(buildRecord({ authId: 'auth-img', submissionId: 'sub-img' }));

        await expect(client.getImage('auth-img')).resolves.toEqual({
          data: IMAGE_BYTES,
          mimeType: 'image/jpeg',
        });
        expect(argos.requests[0].url.pathname).toBe('/v3/faceauth/image');
        expect(argos.requests[0].url.searchParams.get('authId')).toBe('auth-img');
      },
    );
  });

  describe('deleteResult (DELETE /faceauth?authId=)', () => {
    it('succeeds on {"message":"success"}; Argos then keeps only id, status and time', async () => {
      argos.putRecord(buildRecord({ authId: 'auth-del', submissionId: 'sub-del' }));

      await expect(client.deleteResult('auth-del')).resolves.toBeUndefined();
      expect(argos.deletes).toEqual(['auth-del']);
      await expect(client.getResult('auth-del')).resolves.toEqual({
        authId: 'auth-del',
        status: 'approved',
        createdAt: new Date('2025-10-02T02:15:17.554Z'),
        deleted: true,
        scores: {},
        failCodes: [],
        rejectComments: [],
        projectId: 'sampleProjectId1',
      });
    });
  });

  describe('documented error bodies map to typed error codes', () => {
    type Operation = 'getResult' | 'getImage' | 'deleteResult' | 'submitFaceImage';
    const ROUTE: Record<Operation, VendorRoute> = {
      getResult: 'GET /faceauth',
      getImage: 'GET /faceauth/image',
      deleteResult: 'DELETE /faceauth',
      submitFaceImage: 'POST /faceauth',
    };
    const call = (c: ArgosClient, operation: Operation): Promise<unknown> => {
      switch (operation) {
        case 'getResult':
          return c.getResult('auth-err');
        case 'getImage':
          return c.getImage('auth-err');
        case 'deleteResult':
          return c.deleteResult('auth-err');
        case 'submitFaceImage':
          return c.submitFaceImage({
            submissionId: 'sub-err',
            image: IMAGE_BYTES,
            filename: 'selfie.jpg',
            mimeType: 'image/jpeg',
          });
      }
    };

    // [case, operation, expected code, fixture, extra fields expected on the error]
    const NEVER_RETRIED: [string, Operation, ArgosErrorCode, VendorErrorFixture, Record<string, unknown>][] =
      [
        [
          '400 Invalid Query String parameters',
          'getResult',
          ArgosErrorCode.BAD_REQUEST,
          GATEWAY_ERRORS.invalidQueryString,
          {},
        ],
        [
          "400 {traceId, errorCode:'NOT_FOUND', message:'faceAuth_project not found'} (a project, not a record)",
          'getImage',
          ArgosErrorCode.BAD_REQUEST,
          IMAGE_PROJECT_NOT_FOUND,
          { vendorCode: 'NOT_FOUND', requestId: '0199cb93-bdf1-77ef-8cd4-3d38dec61830' },
        ],
        [
          '400 {errorCode:"required key is missing"}',
          'deleteResult',
          ArgosErrorCode.BAD_REQUEST,
          DELETE_ERRORS.requiredKeyMissing,
          { vendorCode: 'required key is missing' },
        ],
        [
          '400 {errorCode:"error in processing data"}',
          'deleteResult',
          ArgosErrorCode.BAD_REQUEST,
          DELETE_ERRORS.processing,
          { vendorCode: 'error in processing data' },
        ],
        [
          '400 {errorCode:"error in delete submission"}',
          'deleteResult',
          ArgosErrorCode.BAD_REQUEST,
          DELETE_ERRORS.deleteFailed,
          { vendorCode: 'error in delete submission' },
        ],
        [
          '400 {errorCode:"Cannot find submission…"}',
          'deleteResult',
          ArgosErrorCode.NOT_FOUND,
          DELETE_ERRORS.cannotFind,
          {},
        ],
        [
          '400 {errorCode:"Cannot find submission…"}',
          'getResult',
          ArgosErrorCode.NOT_FOUND,
          DELETE_ERRORS.cannotFind,
          {},
        ],
        [
          '400 {errorCode, message} invalid_data_format',
          'submitFaceImage',
          ArgosErrorCode.BAD_REQUEST,
          POST_ERRORS.invalidDataFormat,
          { vendorCode: 'invalid_data_format' },
        ],
        [
          '400 {errorCode, message} required_field_missing',
          'submitFaceImage',
          ArgosErrorCode.BAD_REQUEST,
          POST_ERRORS.requiredFieldMissing,
          { vendorCode: 'required_field_missing' },
        ],
        [
          '403 explicit deny ({"Message"})',
          'getResult',
          ArgosErrorCode.IP_NOT_ALLOWED,
          GATEWAY_ERRORS.explicitDeny,
          {},
        ],
        [
          '403 explicit deny ({"message"})',
          'deleteResult',
          ArgosErrorCode.IP_NOT_ALLOWED,
          GATEWAY_ERRORS.explicitDenyLowercase,
          {},
        ],
        [
          '403 explicit deny ({"Message"})',
          'submitFaceImage',
          ArgosErrorCode.IP_NOT_ALLOWED,
          GATEWAY_ERRORS.explicitDeny,
          {},
        ],
        ['403 Forbidden', 'getImage', ArgosErrorCode.INVALID_API_KEY, GATEWAY_ERRORS.forbidden, {}],
        ['403 Forbidden', 'deleteResult', ArgosErrorCode.INVALID_API_KEY, GATEWAY_ERRORS.forbidden, {}],
        [
          '413 Request Entity Too Large',
          'submitFaceImage',
          ArgosErrorCode.PAYLOAD_TOO_LARGE,
          GATEWAY_ERRORS.tooLarge,
          {},
        ],
      ];

    it.each(NEVER_RETRIED)('%s on %s → %s, sent once', async (_case, operation, code, fixture, extra) => {
      argos.putRecord(buildRecord({ authId: 'auth-err', submissionId: 'sub-err' }));
      argos.failNext(ROUTE[operation], 5, fixture);
      const error = await rejectionOf(call(client, operation));

      expect(error).toBeInstanceOf(ArgosClientError);
      expect(error).toMatchObject({ code, operation, status: fixture.status, attempts: 1, ...extra });
      expect(argos.requests).toHaveLength(1);
    });

    it.each<[string, Operation, ArgosErrorCode, VendorErrorFixture]>([
      ['500 Internal Server Error', 'getResult', ArgosErrorCode.SERVER_ERROR, GATEWAY_ERRORS.internal],
      ['500 Internal Server Error', 'deleteResult', ArgosErrorCode.SERVER_ERROR, GATEWAY_ERRORS.internal],
      ['502 Bad Gateway', 'getImage', ArgosErrorCode.BAD_GATEWAY, GATEWAY_ERRORS.badGateway],
      ['502 Bad Gateway', 'deleteResult', ArgosErrorCode.BAD_GATEWAY, GATEWAY_ERRORS.badGateway],
    ])('%s on %s → %s after the retries', async (_case, operation, code, fixture) => {
      argos.putRecord(buildRecord({ authId: 'auth-err', submissionId: 'sub-err' }));
      argos.failNext(ROUTE[operation], 10, fixture);
      const error = await rejectionOf(call(client, operation));

      expect(error).toMatchObject({ code, operation, status: fixture.status, attempts: 3 });
      expect(argos.requests).toHaveLength(3);
    });

    it('a 500 followed by the normal answer is retried and succeeds (idempotent call)', async () => {
      argos.putRecord(buildRecord({ authId: 'auth-err', submissionId: 'sub-err' }));
      argos.failNext('DELETE /faceauth', 1, GATEWAY_ERRORS.internal);

      await expect(client.deleteResult('auth-err')).resolves.toBeUndefined();
      expect(argos.deletes).toEqual(['auth-err', 'auth-err']);
    });

    it('a wrong Add-on key gets the fixture server\'s 403 "Forbidden" → ARGOS_INVALID_API_KEY', async () => {
      argos.putRecord(buildRecord({ authId: 'auth-err', submissionId: 'sub-err' }));
      const error = await rejectionOf(
        contractClient(argos.baseUrl, 'WRONG-KEY-00000000000').getResult('auth-err'),
      );

      expect(error).toMatchObject({ code: ArgosErrorCode.INVALID_API_KEY, status: 403, attempts: 1 });
    });
  });
});
