import { ManualClock } from '@faceauth/core';
import { deriveKey, FaceAuthUrlBuilder } from '@faceauth/encryption';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const PROJECTS = JSON.stringify([
  { name: 'main', pid: 'pid-main', apiKey: 'main-add-on-key-0001', tokenExpiration: 'off' },
  {
    name: 'strict',
    pid: 'pid-strict',
    apiKey: 'strict-add-on-key-02',
    secretKey: 'strict-secret-key',
    tokenExpiration: 'count',
  },
]);
const WRITER = 'links-writer-secret-000000000001';
const READER = 'links-reader-secret-000000000002';

describe.each(databasesUnderTest())('links API and short links on %s', (kind) => {
  let api: ApiHarness;
  const clock = new ManualClock(Date.UTC(2026, 10, 1));
  const write = { authorization: `Bearer ${WRITER}` };
  const read = { 'x-api-key': READER };
  const mainUrls = new FaceAuthUrlBuilder({
    pid: 'pid-main',
    key: deriveKey('main-add-on-key-0001'),
    formUrl: 'https://form.example/face-auth',
  });
  const strictUrls = new FaceAuthUrlBuilder({
    pid: 'pid-strict',
    key: deriveKey('strict-secret-key'),
    formUrl: 'https://form.example/face-auth',
  });

  beforeAll(async () => {
    api = await startApi(kind, {
      clock,
      env: {
        FACEAUTH_PROJECTS: PROJECTS,
        ARGOS_FORM_URL: 'https://form.example/face-auth',
        PUBLIC_BASE_URL: 'https://auth.example.com',
        INTERNAL_API_KEYS: `writer|links:write|${WRITER};reader|links:read|${READER}`,
      },
    });
  });
  afterAll(() => api.close());

  const mint = (payload: object, headers: Record<string, string> = write) =>
    api.app.inject({ method: 'POST', url: '/v1/links', headers, payload });

  it('mints a link whose URL decrypts to exactly the submitted fields plus the token', async () => {
    const res = await mint({ sid: 'sub_abc123', authUserId: 'user-1', authCf1: 'a@example.com', lang: 'ko' });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({
      project: 'main',
      status: 'active',
      policy: { mode: 'count', maxUses: 1 },
      useCount: 0,
    });
    expect(link.shortUrl).toBe(`https://auth.example.com/l/${link.id}`);
    expect(link.token).toMatch(/^[A-Za-z0-9]{24}$/);
    const decrypted = mainUrls.decrypt(link.url);
    expect(decrypted).toEqual({
      pid: 'pid-main',
      lang: 'ko',
      query: { sid: 'sub_abc123', authUserId: 'user-1', authCf1: 'a@example.com', token: link.token },
    });
    expect(new Date(link.expiresAt).getTime() - clock.now().getTime()).toBe(7 * 24 * 3600 * 1000);
  });

  it("uses the named project's key and refuses a policy its Argos setting would not honour", async () => {
    const ok = await mint({ project: 'strict', sid: 'sub_s' });
    expect(ok.statusCode).toBe(201);
    expect(strictUrls.decrypt(ok.json().url).query).toEqual({ sid: 'sub_s', token: ok.json().token });
    const refused = await mint({ project: 'strict', sid: 'sub_s', policy: { mode: 'count', maxUses: 2 } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('POLICY_NOT_HONOURED');
    const unknown = await mint({ project: 'ghost', sid: 'sub_s' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_PROJECT');
  });

  it("binds a token id of the caller's choosing, once: 409 TOKEN_TAKEN for the second link", async () => {
    const own = `own-${kind}-0001.a_b`;
    const first = await mint({ sid: 'sub_own', token: own });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ token: own, tokenInUrl: true });
    expect(mainUrls.decrypt(first.json().url).query).toEqual({ sid: 'sub_own', token: own });
    // Unique across projects too: a webhook's token names one link.
    const taken = await mint({ project: 'strict', sid: 'sub_other', token: own });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'TOKEN_TAKEN' });
    expect(JSON.stringify(taken.json())).not.toContain(own);
  });

  it('mints the sid-only URL for a project without Argos token expiration; the short link still holds the policy', async () => {
    const res = await mint({ sid: 'sub_basic', authUserId: 'u-basic', tokenInUrl: false, consumeOn: 'open' });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link.tokenInUrl).toBe(false);
    expect(mainUrls.decrypt(link.url).query).toEqual({ sid: 'sub_basic', authUserId: 'u-basic' });
    expect((await api.app.inject({ method: 'GET', url: `/l/${link.id}` })).statusCode).toBe(302);
    expect((await api.app.inject({ method: 'GET', url: `/l/${link.id}` })).statusCode).toBe(410);
    const refused = await mint({ project: 'strict', sid: 'sub_basic', tokenInUrl: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'INVALID_POLICY' });
    expect(refused.json().message).toContain('tokenInUrl');
  });

  it("speaks the link's language on the short link's pages (English and Korean, the vendor's two)", async () => {
    const ko = (await mint({ sid: 'sub_ko', lang: 'ko' })).json();
    await api.app.inject({ method: 'DELETE', url: `/v1/links/${ko.id}`, headers: write });
    const revoked = await api.app.inject({ method: 'GET', url: `/l/${ko.id}` });
    expect(revoked.statusCode).toBe(410);
    expect(revoked.headers['content-language']).toBe('ko');
    expect(revoked.body).toContain('<html lang="ko">');
    expect(revoked.body).toContain('취소되었습니다');
    // A link without a language follows the browser, then English.
    const plain = (await mint({ sid: 'sub_en' })).json();
    await api.app.inject({ method: 'DELETE', url: `/v1/links/${plain.id}`, headers: write });
    const byBrowser = await api.app.inject({
      method: 'GET',
      url: `/l/${plain.id}`,
      headers: { 'accept-language': 'fr-FR, ko-KR;q=0.8, en;q=0.5' },
    });
    expect(byBrowser.headers['content-language']).toBe('ko');
    const english = await api.app.inject({ method: 'GET', url: `/l/${plain.id}` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Link no longer valid');
    const unknown = await api.app.inject({
      method: 'GET',
      url: '/l/00000000-0000-4000-8000-000000000000',
      headers: { 'accept-language': 'ko' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('링크를 찾을 수 없습니다');
  });

  it('answers bad input with a 400 naming the field and writes nothing', async () => {
    const before = (await api.app.inject({ method: 'GET', url: '/v1/links?limit=200', headers: read })).json()
      .items.length;
    const cases: [object, string][] = [
      [{}, 'sid'],
      [{ sid: '' }, 'sid'],
      [{ sid: 's', extra: 1 }, 'extra'],
      [{ sid: 's', policy: { mode: 'time' } }, 'policy.windowSeconds'],
      [{ sid: 's', policy: { mode: 'weekly' } }, 'policy.mode'],
      [{ sid: 's', lang: 'english!' }, 'lang'],
      [{ sid: 's', expiresInSeconds: -5 }, 'expiresInSeconds'],
      [{ sid: 's', expiresInSeconds: 10 ** 9 }, 'expiresInSeconds'],
      [{ sid: 7 }, 'sid'],
      [{ sid: 's', token: 'short' }, 'token'],
      [{ sid: 's', token: '-starts-with-hyphen' }, 'token'],
      [{ sid: 's', token: 'has space inside' }, 'token'],
      [{ sid: 's', token: 'x'.repeat(65) }, 'token'],
      [{ sid: 's', tokenInUrl: 'no' }, 'tokenInUrl'],
    ];
    for (const [payload, field] of cases) {
      const res = await mint(payload);
      expect({ payload, status: res.statusCode }).toEqual({ payload, status: 400 });
      expect(res.json().message).toContain(field);
    }
    const after = (await api.app.inject({ method: 'GET', url: '/v1/links?limit=200', headers: read })).json()
      .items.length;
    expect(after).toBe(before);
  });

  it('returns the same link for a retried Idempotency-Key and refuses the key with another body', async () => {
    const headers = { ...write, 'idempotency-key': 'order-42' };
    const first = await mint({ sid: 'sub_idem', authUserId: 'u-idem' }, headers);
    const again = await mint({ authUserId: 'u-idem', sid: 'sub_idem' }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await mint({ sid: 'sub_other' }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, () =>
        mint({ sid: 'sub_conc' }, { ...write, 'idempotency-key': 'concurrent-1' }),
      ),
    );
    expect(new Set(concurrent.map((r) => r.json().id)).size).toBe(1);
  });

  it('reads, filters, pages and revokes (idempotently)', async () => {
    const a = (await mint({ sid: 'sub_list', authUserId: 'lister' })).json();
    clock.advance(1);
    const b = (await mint({ sid: 'sub_list', authUserId: 'lister' })).json();
    expect((await api.app.inject({ method: 'GET', url: `/v1/links/${a.id}`, headers: read })).json().id).toBe(
      a.id,
    );
    const page1 = (
      await api.app.inject({ method: 'GET', url: '/v1/links?authUserId=lister&limit=1', headers: read })
    ).json();
    expect(page1.items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    const page2 = (
      await api.app.inject({
        method: 'GET',
        url: `/v1/links?authUserId=lister&limit=1&cursor=${page1.nextCursor}`,
        headers: read,
      })
    ).json();
    expect(page2.items.map((l: { id: string }) => l.id)).toEqual([a.id]);
    expect(page2.nextCursor).toBeNull();
    for (let i = 0; i < 2; i++) {
      const revoked = await api.app.inject({ method: 'DELETE', url: `/v1/links/${a.id}`, headers: write });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().status).toBe('revoked');
    }
    const active = (
      await api.app.inject({ method: 'GET', url: '/v1/links?authUserId=lister&status=active', headers: read })
    ).json();
    expect(active.items.map((l: { id: string }) => l.id)).toEqual([b.id]);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/links?status=weird', headers: read })).statusCode,
    ).toBe(400);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/links?cursor=zzz', headers: read })).json().code,
    ).toBe('INVALID_CURSOR');
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/v1/links/${'0'.repeat(8)}-0000-4000-8000-000000000000`,
          headers: read,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/links/not-a-uuid', headers: read })).statusCode,
    ).toBe(400);
  });

  it('redirects an active short link to a fresh URL and answers 410 once revoked, used or expired', async () => {
    const link = (await mint({ sid: 'sub_short', authUserId: 'shorty' })).json();
    const open = () => api.app.inject({ method: 'GET', url: `/l/${link.id}` });
    const ok = await open();
    expect(ok.statusCode).toBe(302);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['referrer-policy']).toBe('no-referrer');
    expect(mainUrls.decrypt(String(ok.headers.location)).query).toEqual({
      sid: 'sub_short',
      authUserId: 'shorty',
      token: link.token,
    });
    expect((await open()).statusCode).toBe(302);
    await api.app.inject({ method: 'DELETE', url: `/v1/links/${link.id}`, headers: write });
    const gone = await open();
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('text/html');
    expect(gone.body).toContain('data-error-code="TOKEN_REVOKED"');

    const once = (await mint({ sid: 'sub_once', consumeOn: 'open' })).json();
    expect((await api.app.inject({ method: 'GET', url: `/l/${once.id}` })).statusCode).toBe(302);
    const used = await api.app.inject({ method: 'GET', url: `/l/${once.id}` });
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('TOKEN_ALREADY_USED');

    const soon = (await mint({ sid: 'sub_soon', expiresInSeconds: 60 })).json();
    clock.advance(60_000);
    const expired = await api.app.inject({ method: 'GET', url: `/l/${soon.id}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('TOKEN_EXPIRED');

    for (const id of ['00000000-0000-4000-8000-000000000000', 'nonsense']) {
      const missing = await api.app.inject({ method: 'GET', url: `/l/${id}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('TOKEN_NOT_FOUND');
    }
  });

  it('keeps tokens, ciphertexts and short-link ids out of the logs', async () => {
    const link = (await mint({ sid: 'sub_log', authUserId: 'logger' })).json();
    await api.app.inject({ method: 'GET', url: `/l/${link.id}` });
    await api.app.inject({ method: 'GET', url: `/v1/links/${link.id}`, headers: read });
    const logs = api.logs.join('');
    expect(logs).toContain('/l/[redacted]');
    const ciphertext = new URL(link.url).searchParams.get('encrypted')!;
    for (const secret of [
      link.token,
      ciphertext,
      encodeURIComponent(ciphertext),
      `/l/${link.id}`,
      WRITER,
      READER,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
