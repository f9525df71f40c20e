import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { createSandboxApp, makeJpeg, SandboxHandle, SEEDED_SUBMISSIONS } from '@faceauth/argos-sandbox';
import {
  captureForm,
  DOCUMENTED_RECORD_KEYS,
  GroupBody,
  pageAttr,
  readJson,
  RecordBody,
} from './sandbox-test.helpers';

// The hosted capture page over real HTTP, with URLs built by the product's own encryption lib.
const PID = 'page-project';
const API_KEY = 'page-api-key';

describe('argos-sandbox hosted page (/face-auth)', () => {
  let sandbox: SandboxHandle;
  let links: FaceAuthUrlBuilder;

  beforeAll(async () => {
    sandbox = await createSandboxApp({ projects: [{ pid: PID, apiKey: API_KEY }] });
    links = new FaceAuthUrlBuilder({
      formUrl: `${sandbox.url}/face-auth`,
      pid: PID,
      key: deriveKey(API_KEY),
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.controls.reset());

  /** Opens a link, then submits the capture form as a browser would. */
  async function openAndSubmit(
    url: string,
    choice: { reference: true } | { image: Buffer },
  ): Promise<Response> {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(pageAttr(html, 'page')).toBe('capture');
    const { action, encrypted } = captureForm(html);
    const form = new FormData();
    form.append('encrypted', encrypted);
    if ('reference' in choice) {
      form.append('action', 'reference');
    } else {
      form.append('action', 'upload');
      form.append('faceImage', new Blob([new Uint8Array(choice.image)], { type: 'image/jpeg' }), 'me.jpg');
    }
    return fetch(new URL(action, sandbox.url), { method: 'POST', body: form });
  }

  async function restRecord(authId: string): Promise<RecordBody> {
    const res = await fetch(`${sandbox.url}/v3/faceauth?authId=${authId}`, {
      headers: { 'x-api-key': API_KEY },
    });
    return (await readJson<GroupBody[]>(res))[0].data[0];
  }

  it('decrypts a FaceAuthUrlBuilder URL; the reference photo is approved and visible through REST', async () => {
    const url = links.build(
      {
        sid: SEEDED_SUBMISSIONS.approved,
        authUserId: 'user-7',
        authCf1: 'x@example.com',
        token: 'tok_page_0001',
      },
      { lang: 'en' },
    );
    const res = await openAndSubmit(url, { reference: true });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(pageAttr(html, 'page')).toBe('result');
    expect(pageAttr(html, 'auth-status')).toBe('approved');
    expect(html).toContain('<span id="face-similarity">99.5</span>');
    const authId = pageAttr(html, 'auth-id')!;
    const record = await restRecord(authId);
    // The person and the token of the link stay out of the documented record (contract section 7).
    expect(Object.keys(record).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
    expect(record).toMatchObject({
      auth_status: 'approved',
      submit_type: 'form',
      kyc_submission_id: SEEDED_SUBMISSIONS.approved,
      result: { face_similarity: 99.5, active_liveness_score: 97.78 },
    });
    expect(sandbox.controls.records.find(PID, authId)).toMatchObject({
      userId: 'user-7',
      cf1: 'x@example.com',
      tokenId: 'tok_page_0001',
    });

    sandbox.controls.projects.upsert(PID, { extraRecordFields: true });
    expect(await restRecord(authId)).toMatchObject({
      user_id: 'user-7',
      cf1: 'x@example.com',
      token_id: 'tok_page_0001',
    });
  });

  it('approves an upload byte-identical to the reference and rejects a different photo', async () => {
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approvedSecond });
    const selfie = sandbox.controls.submissions.find(SEEDED_SUBMISSIONS.approvedSecond)!.selfie!;
    expect(pageAttr(await (await openAndSubmit(url, { image: selfie })).text(), 'auth-status')).toBe(
      'approved',
    );

    const html = await (await openAndSubmit(url, { image: makeJpeg('a stranger', 90) })).text();
    expect(pageAttr(html, 'auth-status')).toBe('rejected');
    expect(html).toContain('data-fail-code="face_compare_underscore"');
    const rejected = await restRecord(pageAttr(html, 'auth-id')!);
    expect(Object.keys(rejected).sort()).toEqual(DOCUMENTED_RECORD_KEYS);
    expect(rejected).toMatchObject({ auth_status: 'rejected', reject_comment: [expect.any(String)] });
  });

  it('reads the querystring plaintext format and a dedicated secretKey when the project uses them', async () => {
    sandbox.controls.projects.upsert(PID, { plaintextFormat: 'querystring', secretKey: 'dedicated-secret' });
    const qs = new FaceAuthUrlBuilder({
      formUrl: `${sandbox.url}/face-auth`,
      pid: PID,
      key: deriveKey('dedicated-secret'),
      format: 'querystring',
    });
    const res = await openAndSubmit(qs.build({ sid: SEEDED_SUBMISSIONS.portraitOnly }), { reference: true });
    expect(pageAttr(await res.text(), 'auth-status')).toBe('approved');
    // The API key no longer decrypts once a secretKey is issued.
    const stale = await fetch(links.build({ sid: SEEDED_SUBMISSIONS.approved }));
    expect(pageAttr(await stale.text(), 'error-code')).toBe('DECRYPTION_FAILED');
  });

  it.each([
    [
      'bad ciphertext',
      () => `${sandbox.url}/face-auth?pid=${PID}&encrypted=${encodeURIComponent('bm90IGEgY2lwaGVydGV4dA==')}`,
      400,
      'DECRYPTION_FAILED',
    ],
    [
      'wrong key',
      () =>
        new FaceAuthUrlBuilder({
          formUrl: `${sandbox.url}/face-auth`,
          pid: PID,
          key: deriveKey('other'),
        }).build({ sid: 'x' }),
      400,
      'DECRYPTION_FAILED',
    ],
    ['unknown sid', () => links.build({ sid: 'sub_does_not_exist' }), 404, 'SUBMISSION_NOT_FOUND'],
    ['pending sid', () => links.build({ sid: SEEDED_SUBMISSIONS.pending }), 409, 'SUBMISSION_NOT_APPROVED'],
    ['rejected sid', () => links.build({ sid: SEEDED_SUBMISSIONS.rejected }), 409, 'SUBMISSION_NOT_APPROVED'],
    [
      'unknown pid',
      () => links.build({ sid: SEEDED_SUBMISSIONS.approved }).replace(`pid=${PID}`, 'pid=nope'),
      404,
      'UNKNOWN_PROJECT',
    ],
    ['missing encrypted', () => `${sandbox.url}/face-auth?pid=${PID}`, 400, 'MISSING_PARAMETER'],
    [
      'repeated pid',
      () => `${links.build({ sid: SEEDED_SUBMISSIONS.approved })}&pid=${PID}&lang=en&lang=ko`,
      400,
      'MISSING_PARAMETER',
    ],
  ])('shows an error page for a %s', async (_name, makeUrl, status, code) => {
    const res = await fetch(makeUrl());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(pageAttr(html, 'page')).toBe('error');
    expect(pageAttr(html, 'error-code')).toBe(code);
  });

  it('refuses an upload that is not an image and a submit without a photo', async () => {
    const url = links.build({ sid: SEEDED_SUBMISSIONS.approved }, { lang: 'ko' });
    const notImage = await openAndSubmit(url, { image: Buffer.from('GIF89a not a jpeg') });
    expect(notImage.status).toBe(400);
    const html = await notImage.text();
    expect(pageAttr(html, 'error-code')).toBe('INVALID_IMAGE');
    expect(html).toContain('<html lang="ko">');
    const form = new FormData();
    form.append('encrypted', links.encryptQuery({ sid: SEEDED_SUBMISSIONS.approved }));
    form.append('action', 'upload');
    const empty = await fetch(`${sandbox.url}/face-auth/submit?pid=${PID}`, { method: 'POST', body: form });
    expect(empty.status).toBe(400);
    expect(pageAttr(await empty.text(), 'error-code')).toBe('IMAGE_REQUIRED');
    expect(sandbox.controls.records.page({ pid: PID, count: 10 }).records).toHaveLength(0);
  });
});
