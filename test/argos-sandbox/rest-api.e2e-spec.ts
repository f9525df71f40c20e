import { createSandboxApp, makeJpeg, SandboxHandle, SEEDED_SUBMISSIONS } from '../../apps/argos-sandbox/src';
import {
  ApiErrorBody,
  faceAuthForm,
  GroupBody,
  PageKey,
  readJson,
  RecordBody,
  SubmitBody,
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
  const errorOf = (res: Response): Promise<ApiErrorBody> => readJson(res);

  beforeAll(async () => {
    sandbox = await createSandboxApp({ projects: [{ pid: PID, apiKey: KEY }] });
    reference = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approved)!.selfie!;
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.controls.reset());

  describe('POST', () => {
    it('approves the reference selfie with a high similarity and lists the record', async () => {
      const res = await submit(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: 'u-1', cf1: 'a@b.c' },
        reference,
      );
      expect(res.status).toBe(200);
      const body = await readJson<SubmitBody>(res);
      expect(body).toMatchObject({ auth_status: 'approved', score: { face_similarity_score: 0.97 } });
      expect(body.fail_code).toBeUndefined();
      expect(typeof body.authentication_id).toBe('string');
      expect(Date.parse(body.create_time)).not.toBeNaN();

      const [group] = await listed(`?authId=${body.authentication_id}`);
      expect(group.faceAuth_projectId).toBe(PID);
      expect(group.data).toHaveLength(1);
      expect(group.data[0]).toMatchObject({
        auth_id: body.authentication_id,
        auth_status: 'approved',
        submit_type: 'api',
        kyc_submission_id: SEEDED_SUBMISSIONS.approved,
        delete_check: false,
        user_id: 'u-1',
        cf1: 'a@b.c',
        policy: { faceSimilarity_threshold: 0.8, activeLiveness_threshold: 0.5 },
        result: { face_similarity: 0.97, active_liveness_score: null },
        reject_comment: [],
      });
    });

    it('rejects another face with face_compare_underscore (still a 200)', async () => {
      const res = await submit({ submissionId: SEEDED_SUBMISSIONS.approved }, makeJpeg('someone else'));
      expect(res.status).toBe(200);
      const body = await readJson<SubmitBody>(res);
      expect(body.auth_status).toBe('rejected');
      expect(body.fail_code).toEqual(['face_compare_underscore']);
      expect(body.rejected_comment).toHaveLength(1);
      expect(body.score.face_similarity_score).toBeLessThan(0.5);
    });

    it('uses the ID portrait when the submission has no selfie, and magic values fail other checks', async () => {
      const portrait = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.portraitOnly)!.portrait!;
      const ok = await submitted({ submissionId: SEEDED_SUBMISSIONS.portraitOnly }, portrait);
      expect(ok.auth_status).toBe('approved');
      const masked = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.portraitOnly, cf2: '__occluded__' },
        portrait,
      );
      expect(masked).toMatchObject({ auth_status: 'rejected', fail_code: ['Face_Occluded_fail'] });
      const helmet = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: '__head_cover__' },
        reference,
      );
      expect(helmet.fail_code).toEqual(['Head_cover_fail']);
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
    it('returns the selfie as base64, then DELETE leaves only id, status, time and delete_check', async () => {
      const upload = Buffer.from(reference);
      const { authentication_id: id } = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved, userId: 'u-9' },
        upload,
      );
      const image = await api(`/image?authId=${id}`);
      expect(image.status).toBe(200);
      expect(Buffer.from(await readJson<string>(image), 'base64').equals(upload)).toBe(true);

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

    it('serves the image as bare text when the project says so, and refuses unknown ids', async () => {
      sandbox.controls.projects.upsert(PID, { imageResponse: 'text' });
      const { authentication_id: id } = await submitted(
        { submissionId: SEEDED_SUBMISSIONS.approved },
        reference,
      );
      const res = await api(`/image?auth_id=${id}`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      expect(Buffer.from(await res.text(), 'base64').equals(reference)).toBe(true);
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
