import { createSandboxApp, makeJpeg, SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import {
  ApiErrorBody,
  DOCUMENTED_RECORD_KEYS,
  VENDOR_SAMPLE_POLICY,
  faceAuthForm,
  GroupBody,
  PageKey,
  readJson,
  RecordBody,
  SubmitBody,
  UNDOCUMENTED_RECORD_KEYS,
} from './sandbox-test.helpers';

// Real HTTP against an in-process sandbox; nothing mocked.
const KEY = 'rest-key';
const PID = 'rest-project';

describe('argos-sandbox REST API (/v3/faceauth)', () => {
  let sandbox: SandboxHandle;
  let reference: Buffer;

  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sandbox.url}/v3/faceauth${path}`, {
      ...init,
      headers: { 'x-api-key': KEY, ...(init.headers ?? {}) },
    });
  const submit = (fields: Record<string, string>, image?: Buffer): Promise<Response> =>
    api('', { method: 'POST', body: faceAuthForm(fields, image) });
  const submitted = (fields: Record<string, string>, image?: Buffer): Promise<SubmitBody> =>
    readJson(submit(fields, image));
  const listed = (query: string): Promise<GroupBody[]> => readJson(api(query));
  const recordOf = async (authId: string): Promise<RecordBody> =>
    (await listed(`?authId=${authId}`))[0].data[0];
  const errorOf = (res: Response): Promise<ApiErrorBody> => readJson(res);
  const patchProject = (patch: Record<string, unknown>): Promise<Response> =>
    fetch(`${sandbox.url}/__sandbox/projects/${PID}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });

  beforeAll(async () => {
    sandbox = await createSandboxApp({ projects: [{ pid: PID, apiKey: KEY }] });
    reference = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approved)!.selfie!;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.controls.reset());

  describe('POST', () => {
    it('approves the reference selfie on the 0-100 scale and lists exactly the documented record', async () => {
      const res = await submit(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: 'u-1', cf1: 'a@b.c' },
        reference,
      );
      expect(res.status).toBe(200);
      const body = await readJson<SubmitBody>(res);
      expect(body.auth_status).toBe('approved');
      expect(body.score).toEqual({
        face_similarity_score: 99.5,
        occluded_score: 2,
        face_cover_score: 1,
        head_cover_score: 1,
      });
      expect(body.fail_code).toBeUndefined();
      expect(typeof body.authentication_id).toBe('string');
      expect(Date.parse(body.create_time)).not.toBeNaN();

      const [group] = await listed(`?authId=${body.authentication_id}`);
      expect(group.faceAuth_projectId).toBe(PID);
      expect(group.data).toHaveLength(1);
      const record = group.data[0];
      // No person, no token: only what Argos documents (contract section 7).
      expect(Object.keys(record).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
      expect(record).toEqual({
        policy: VENDOR_SAMPLE_POLICY,
        auth_id: body.authentication_id,
        auth_status: 'approved',
        create_time: body.create_time,
        submit_type: 'api',
        kyc_submission_id: SEEDED_SUBMISSIONS.approved,
        delete_check: false,
        result: {
          face_similarity: 99.5,
          liveness_score: 99,
          active_liveness_score: null,
          occluded_score: 2,
          face_cover_score: 1,
          head_cover_score: 1,
          detectOccluded: false,
          detectFaceCover: false,
          detectHeadCover: false,
        },
        reject_comment: [],
      });
    });

    it('adds the undocumented fields only while extraRecordFields is on (switched at run time)', async () => {
      const approved = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: 'u-2', cf1: 'c1', cf3: 'c3' },
        reference,
      );
      const rejected = await submitted({ submissionId: SEEDED_SUBMISSIONS.approved }, makeJpeg('not her'));

      const on = await patchProject({ extraRecordFields: true });
      expect(on.status).toBe(200);
      expect(await on.json()).toMatchObject({ pid: PID, extraRecordFields: true });
      const withExtras = await recordOf(approved.authentication_id);
      expect(Object.keys(withExtras).sort()).toEqual(
        [...DOCUMENTED_RECORD_KEYS, ...UNDOCUMENTED_RECORD_KEYS].sort(),
      );
      expect(withExtras).toMatchObject({
        user_id: 'u-2',
        cf1: 'c1',
        cf2: null,
        cf3: 'c3',
        token_id: null,
        fail_code: [],
      });
      expect((await recordOf(rejected.authentication_id)).fail_code).toEqual(['face_compare_underscore']);

      expect((await patchProject({ extraRecordFields: false })).status).toBe(200);
      expect(Object.keys(await recordOf(approved.authentication_id)).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
      expect((await patchProject({ extraRecordFields: 'yes' })).status).toBe(400);
    });

    it('rejects another face with face_compare_underscore (still a 200)', async () => {
      const res = await submit({ submissionId: SEEDED_SUBMISSIONS.approved }, makeJpeg('someone else'));
      expect(res.status).toBe(200);
      const body = await readJson<SubmitBody>(res);
      expect(body.auth_status).toBe('rejected');
      expect(body.fail_code).toEqual(['face_compare_underscore']);
      expect(body.rejected_comment).toHaveLength(1);
      // A stable 5-45 on the 0-100 scale: under the threshold of 85, and not a 0-1 fraction.
      expect(body.score.face_similarity_score).toBeGreaterThanOrEqual(5);
      expect(body.score.face_similarity_score).toBeLessThanOrEqual(45);
      const record = await recordOf(body.authentication_id);
      expect(Object.keys(record).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
      expect(record.reject_comment).toEqual(body.rejected_comment);
      expect(record.result).toMatchObject({ face_similarity: body.score.face_similarity_score });
    });

    it('uses the ID portrait when the submission has no selfie, and magic values fail other checks', async () => {
      const portrait = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.portraitOnly)!.portrait!;
      const ok = await submitted({ submissionId: SEEDED_SUBMISSIONS.portraitOnly }, portrait);
      expect(ok.auth_status).toBe('approved');
      const masked = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.portraitOnly, cf2: '__occluded__' },
        portrait,
      );
      expect(masked).toMatchObject({
        auth_status: 'rejected',
        fail_code: ['Face_Occluded_fail'],
        score: { occluded_score: 93 },
      });
      const helmet = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: '__head_cover__' },
        reference,
      );
      expect(helmet).toMatchObject({ fail_code: ['Head_cover_fail'], score: { head_cover_score: 89 } });
      const mask = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, cf1: '__face_cover__' },
        reference,
      );
      expect(mask).toMatchObject({ fail_code: ['Face_cover_fail'], score: { face_cover_score: 91 } });
      const forced = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, cf3: '__match__' },
        makeJpeg('x'),
      );
      expect(forced).toMatchObject({ auth_status: 'approved', score: { face_similarity_score: 99.5 } });
    });

    it('applies 0-100 thresholds and the boolean occluded_threshold of the project policy', async () => {
      sandbox.controls.projects.upsert(PID, { policy: { faceSimilarity_threshold: 100 } });
      const strict = await submitted({ submissionId: SEEDED_SUBMISSIONS.approved }, reference);
      expect(strict).toMatchObject({ auth_status: 'rejected', fail_code: ['face_compare_underscore'] });
      expect((await recordOf(strict.authentication_id)).policy).toMatchObject({
        faceSimilarity_threshold: 100,
      });

      sandbox.controls.projects.upsert(PID, {
        policy: { faceSimilarity_threshold: 99, occluded_threshold: true },
      });
      const tolerated = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, cf2: '__occluded__' },
        reference,
      );
      expect(tolerated.auth_status).toBe('approved');
      const record = await recordOf(tolerated.authentication_id);
      expect(record.policy).toMatchObject({ faceSimilarity_threshold: 99, occluded_threshold: true });
      expect(record.result).toMatchObject({ occluded_score: 93, detectOccluded: true });

      expect((await patchProject({ policy: { headCover_threshold: 101 } })).status).toBe(400);
      expect((await patchProject({ policy: { occluded_threshold: 0.5 } })).status).toBe(400);
    });

    it.each([
      ['missing submissionId', {}, true, { errorCode: 'required_field_missing' }],
      [
        'missing faceImage',
        { submissionId: SEEDED_SUBMISSIONS.approved },
        false,
        { errorCode: 'required_field_missing' },
      ],
      [
        'unknown submission',
        { submissionId: 'sub_nope' },
        true,
        { errorCode: 'Cannot find submission. Please check input data.' },
      ],
      [
        'pending submission',
        { submissionId: SEEDED_SUBMISSIONS.pending },
        true,
        { errorCode: 'error in processing data' },
      ],
      [
        'rejected submission',
        { submissionId: SEEDED_SUBMISSIONS.rejected },
        true,
        { errorCode: 'error in processing data' },
      ],
    ])('answers 400 for a %s', async (_name, fields, withImage, expected) => {
      const res = await submit(fields as Record<string, string>, withImage ? reference : undefined);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject(expected);
    });

    it('refuses a JSON body: the Add-on takes multipart only', async () => {
      const res = await api('', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: SEEDED_SUBMISSIONS.approved,
          faceImage: reference.toString('base64'),
        }),
      });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).errorCode).toBe('invalid_data_format');
    });
  });

  describe('the contract status table', () => {
    it('400 comes in the detailed shape {errorCode, message, traceId}', async () => {
      const res = await api('?startDate=2026-01-01');
      expect(res.status).toBe(400);
      const body = await errorOf(res);
      expect(Object.keys(body).sort()).toEqual(['errorCode', 'message', 'traceId']);
      expect(body.errorCode).toBe('required key is missing');
    });

    it('400 comes in the bare shape {errorCode}', async () => {
      const res = await api('/image');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errorCode: 'authId is required' });
    });

    it('403 Forbidden for a missing or wrong API key', async () => {
      for (const headers of [{}, { 'x-api-key': 'wrong' }] as Array<Record<string, string>>) {
        const res = await fetch(`${sandbox.url}/v3/faceauth`, { headers });
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ message: 'Forbidden' });
      }
    });

    it('403 explicit deny when the caller IP is not on the allowlist, served again once allowed', async () => {
      sandbox.controls.projects.upsert(PID, { ipAllowlist: ['10.1.2.0/24'] });
      const denied = await api('');
      expect(denied.status).toBe(403);
      expect(await denied.json()).toEqual({
        message: 'User is not authorized to access this resource with an explicit deny',
      });
      sandbox.controls.projects.upsert(PID, { ipAllowlist: ['10.1.2.0/24', '127.0.0.1'] });
      expect((await api('')).status).toBe(200);
    });

    it('413 when the body exceeds the project limit', async () => {
      sandbox.controls.projects.upsert(PID, { bodyLimitBytes: 2048 });
      const big = Buffer.concat([reference, Buffer.alloc(4096, 7)]);
      const res = await submit({ submissionId: SEEDED_SUBMISSIONS.approved }, big);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ message: 'Request Entity Too Large' });
      expect((await submit({ submissionId: SEEDED_SUBMISSIONS.approved }, reference)).status).toBe(200);
    });

    it.each<[string, number, ApiErrorBody]>([
      ['500', 500, { message: 'Internal server error' }],
      ['502', 502, { message: 'Bad Gateway' }],
      ['403-deny', 403, { message: 'User is not authorized to access this resource with an explicit deny' }],
      ['403-key', 403, { message: 'Forbidden' }],
      ['413', 413, { message: 'Request Entity Too Large' }],
      ['400-bare', 400, { errorCode: 'invalid_data_format' }],
    ])('x-sandbox-fault: %s answers %i with the Argos body', async (fault, status, body) => {
      const res = await api('', { headers: { 'x-sandbox-fault': fault } });
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual(body);
    });

    it('scheduled faults fail the next N calls of one operation, then the API recovers', async () => {
      await post('/__sandbox/faults', { status: 502, count: 2, operation: 'GET /v3/faceauth' });
      expect((await api('', { method: 'DELETE' })).status).toBe(400); // another operation is untouched
      expect((await api('')).status).toBe(502);
      expect((await api('')).status).toBe(502);
      expect((await api('')).status).toBe(200);
      await post('/__sandbox/faults', { kind: '500', count: 5 });
      expect((await api('')).status).toBe(500);
      expect((await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })).status).toBe(200);
      expect((await api('')).status).toBe(200);
      expect(sandbox.controls.stats.snapshot().faults).toEqual({ '502': 2, '500': 1 });
    });
  });

  describe('GET listing', () => {
    async function seedRecords(n: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        sandbox.controls.clock.advance(60);
        ids.push(
          (await submitted({ submissionId: SEEDED_SUBMISSIONS.approved }, reference)).authentication_id,
        );
      }
      return ids.reverse(); // newest first, as Argos lists them
    }

    it('pages with nextPage_key until the last page', async () => {
      const ids = await seedRecords(5);
      const seen: string[] = [];
      let query = '?count=2';
      for (let page = 0; page < 3; page++) {
        const [group] = await listed(query);
        seen.push(...group.data.map((r) => r.auth_id));
        if (page < 2) {
          const key = group.nextPage_key as PageKey;
          expect(key).toEqual({ authId: seen[seen.length - 1], createTime: group.data[1].create_time });
          query = `?count=2&nextKey_id=${key.authId}&nextKey_date=${encodeURIComponent(key.createTime)}`;
        } else {
          expect(group.nextPage_key).toBeUndefined();
        }
      }
      expect(seen).toEqual(ids);
    });

    it('serves the older flat shape per project, with the key as a trailing element', async () => {
      sandbox.controls.projects.upsert(PID, { listShape: 'flat' });
      const ids = await seedRecords(3);
      const body = await readJson<Array<RecordBody | { nextPage_key: PageKey }>>(api('?count=2'));
      expect(body).toHaveLength(3);
      expect(body.slice(0, 2).map((r) => (r as RecordBody).auth_id)).toEqual(ids.slice(0, 2));
      expect(body[2]).toEqual({ nextPage_key: { authId: ids[1], createTime: expect.any(String) } });
    });

    it('filters by inclusive UTC days and validates count and dates', async () => {
      sandbox.controls.clock.set(new Date('2026-03-01T23:59:00Z'));
      await seedRecords(1); // 2026-03-02T00:00
      sandbox.controls.clock.set(new Date('2026-03-09T10:00:00Z'));
      await seedRecords(1);
      const inDay = await listed('?startDate=2026-03-02&endDate=2026-03-02');
      expect(inDay[0].data).toHaveLength(1);
      expect(inDay[0].data[0].create_time.startsWith('2026-03-02')).toBe(true);
      for (const bad of [
        '?count=0',
        '?count=2001',
        '?count=abc',
        '?startDate=2026-02-30&endDate=2026-03-01',
        '?startDate=2026-03-05&endDate=2026-03-01',
      ]) {
        const res = await api(bad);
        expect([bad, res.status]).toEqual([bad, 400]);
        expect((await errorOf(res)).errorCode).toBe('invalid_data_format');
      }
      expect((await api('?nextKey_id=fa_x')).status).toBe(400);
    });

    it("never shows another project's records", async () => {
      sandbox.controls.projects.upsert('other', { apiKey: 'other-key' });
      const [id] = await seedRecords(1);
      const res = await fetch(`${sandbox.url}/v3/faceauth?authId=${id}`, {
        headers: { 'x-api-key': 'other-key' },
      });
      expect(res.status).toBe(400);
      const all = await readJson<GroupBody[]>(
        fetch(`${sandbox.url}/v3/faceauth`, { headers: { 'x-api-key': 'other-key' } }),
      );
      expect(all).toEqual([{ faceAuth_projectId: 'other', data: [] }]);
    });
  });

  describe('image and DELETE', () => {
    it('returns the selfie as bare base64 text, then DELETE leaves only id, status, time and delete_check', async () => {
      const upload = Buffer.from(reference);
      const { authentication_id: id } = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: 'u-9' },
        upload,
      );
      const image = await api(`/image?authId=${id}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toContain('text/plain');
      const text = await image.text();
      expect(text).toMatch(/^\/9j\/[A-Za-z0-9+/]+={0,2}$/); // the base64 of a JPEG, no JSON quotes
      const bytes = Buffer.from(text, 'base64');
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(bytes.equals(upload)).toBe(true);

      const del = await api(`?authId=${id}`, { method: 'DELETE' });
      expect(del.status).toBe(200);
      expect(await del.json()).toEqual({ message: 'success' });

      const [group] = await listed(`?authId=${id}`);
      expect(group.data).toEqual([
        { auth_id: id, auth_status: 'approved', create_time: expect.any(String), delete_check: true },
      ]);
      const gone = await api(`/image?authId=${id}`);
      expect(gone.status).toBe(400);
      expect((await errorOf(gone)).errorCode).toBe('error in processing data');
      expect((await api(`?authId=${id}`, { method: 'DELETE' })).status).toBe(200); // idempotent
      expect(sandbox.controls.stats.snapshot().deletes[id]).toEqual({ calls: 2, statuses: { '200': 2 } });
    });

    it('serves the image as a JSON string when the project says so, and refuses unknown ids', async () => {
      sandbox.controls.projects.upsert(PID, { imageResponse: 'json' });
      const { authentication_id: id } = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved },
        reference,
      );
      const res = await api(`/image?auth_id=${id}`);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(Buffer.from(await readJson<string>(res), 'base64').equals(reference)).toBe(true);
      const unknown = await api('?authId=fa_unknown', { method: 'DELETE' });
      expect(unknown.status).toBe(400);
      expect((await errorOf(unknown)).errorCode).toBe('error in delete submission');
      expect((await api('', { method: 'DELETE' })).status).toBe(400);
    });
  });

  function post(path: string, body: unknown): Promise<Response> {
    return fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
});
