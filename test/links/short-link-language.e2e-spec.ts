import { ManualClock } from '@faceauth/core';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const PROJECTS = JSON.stringify([
  { name: 'main', pid: 'pid-main', apiKey: 'main-add-on-key-0001', tokenExpiration: 'off' },
]);
const WRITER = 'lang-writer-secret-0000000000001';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const BROWSER_KO = 'ko-KR,ko;q=0.9,en;q=0.8';

/**
 * The short link's own pages (404, 410) speak the link's `lang`, else the browser's `Accept-Language`, else
 * English, over real HTTP: `Content-Language` and `<html lang>` say which, and `Vary: Accept-Language` is
 * there exactly when the header chose.
 */
describe.each(databasesUnderTest())("the short link's pages in the link's language on %s", (kind) => {
  let api: ApiHarness;
  let base: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 1));
  const write = { authorization: `Bearer ${WRITER}` };

  beforeAll(async () => {
    api = await startApi(kind, {
      clock,
      env: {
        FACEAUTH_PROJECTS: PROJECTS,
        ARGOS_FORM_URL: 'https://form.example/face-auth',
        PUBLIC_BASE_URL: 'https://auth.example.com',
        INTERNAL_API_KEYS: `writer|links:write|${WRITER}`,
      },
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => api?.close());

  interface Link {
    id: string;
    token: string;
    url: string;
  }

  const mint = async (payload: object): Promise<Link> => {
    const res = await api.app.inject({ method: 'POST', url: '/v1/links', headers: write, payload });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const revoke = async (link: Link) => {
    const res = await api.app.inject({ method: 'DELETE', url: `/v1/links/${link.id}`, headers: write });
    expect(res.statusCode).toBeLessThan(300);
  };
  const open = async (id: string, acceptLanguage?: string) => {
    const res = await fetch(`${base}/l/${id}`, {
      redirect: 'manual',
      headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const varies = (headers: Headers) =>
    (headers.get('vary') ?? '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .includes('accept-language');
  const expectNoSecret = (body: string, link: Link) => {
    expect(body).not.toContain(link.token);
    expect(body).not.toContain(link.id);
    expect(body).not.toContain(new URL(link.url).searchParams.get('encrypted') ?? link.url);
    expect(body).not.toContain('encrypted');
  };

  it("answers a Korean link's 410 in Korean, whatever the browser asks", async () => {
    const link = await mint({ sid: 'sub_ko_revoked', lang: 'ko' });
    await revoke(link);
    const page = await open(link.id, 'en-US,en;q=0.9');
    expect(page.status).toBe(410);
    expect(page.headers.get('content-language')).toBe('ko');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="ko">');
    expect(page.body).toContain('<title>더 이상 사용할 수 없는 링크입니다</title>');
    expect(page.body).toContain('이 인증 링크는 취소되었습니다. 새 링크를 요청해 주세요.');
    expect(page.body).toContain('data-error-code="TOKEN_REVOKED"');
    expect(page.body).not.toContain('verification link');
    // The link chose the language, not the header: nothing varies on it.
    expect(varies(page.headers)).toBe(false);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expectNoSecret(page.body, link);
  });

  it('says in Korean that a Korean link was used or has expired', async () => {
    const once = await mint({ sid: 'sub_ko_once', lang: 'ko', consumeOn: 'open' });
    expect((await open(once.id)).status).toBe(302);
    const used = await open(once.id);
    expect(used.status).toBe(410);
    expect(used.headers.get('content-language')).toBe('ko');
    expect(used.body).toContain('이 인증 링크는 이미 사용되었습니다.');
    expect(used.body).toContain('data-error-code="TOKEN_ALREADY_USED"');
    expectNoSecret(used.body, once);

    // A regional tag is still Korean.
    const soon = await mint({ sid: 'sub_ko_soon', lang: 'ko-KR', expiresInSeconds: 60 });
    clock.advance(60_000);
    const expired = await open(soon.id);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('content-language')).toBe('ko');
    expect(expired.body).toContain('<html lang="ko">');
    expect(expired.body).toContain('만료되었습니다');
    expectNoSecret(expired.body, soon);
  });

  it("answers an English link's 410 in English, even to a Korean browser", async () => {
    const link = await mint({ sid: 'sub_en_revoked', lang: 'en' });
    await revoke(link);
    const page = await open(link.id, BROWSER_KO);
    expect(page.status).toBe(410);
    expect(page.headers.get('content-language')).toBe('en');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<title>Link no longer valid</title>');
    expect(page.body).toContain('This verification link was cancelled.');
    expect(page.body).not.toMatch(/[\uac00-\ud7a3]/);
    expect(varies(page.headers)).toBe(false);
    expectNoSecret(page.body, link);
  });

  it('answers an unknown link in Korean to a Korean browser, and says the answer varies on the header', async () => {
    const page = await open(UNKNOWN_ID, BROWSER_KO);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-language')).toBe('ko');
    expect(page.body).toContain('<html lang="ko">');
    expect(page.body).toContain('<title>링크를 찾을 수 없습니다</title>');
    expect(page.body).toContain('존재하지 않는 인증 링크입니다.');
    expect(page.body).toContain('data-error-code="TOKEN_NOT_FOUND"');
    expect(page.body).not.toContain(UNKNOWN_ID);
    expect(varies(page.headers)).toBe(true);
    // Not even a well-formed id: the same page.
    const malformed = await open('not-a-link', 'ko');
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get('content-language')).toBe('ko');
    expect(malformed.body).not.toContain('not-a-link');
  });

  it('answers an unknown link in English without an Accept-Language, or with none of ours', async () => {
    for (const header of [undefined, 'fr-FR,fr;q=0.9', '*']) {
      const page = await open(UNKNOWN_ID, header);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-language')).toBe('en');
      expect(page.body).toContain('<html lang="en">');
      expect(page.body).toContain('<title>Link not found</title>');
      expect(varies(page.headers)).toBe(true);
    }
  });

  it("honours the header's q-values", async () => {
    const cases: [string, 'en' | 'ko'][] = [
      ['en;q=0.5, ko', 'ko'],
      ['fr, en;q=0.4, ko-KR;q=0.7', 'ko'],
      ['ko;q=0.8, en-GB;q=0.8', 'ko'],
      ['ko;q=0, en', 'en'],
      ['ko;q=0.000, fr', 'en'],
      ['ko;q=banana, en;q=0.1', 'en'],
      ['KO-kr', 'ko'],
    ];
    for (const [header, lang] of cases) {
      const page = await open(UNKNOWN_ID, header);
      expect([header, page.headers.get('content-language')]).toEqual([header, lang]);
    }
  });

  it("follows the browser for a link minted without a language (or one we don't speak)", async () => {
    for (const payload of [{ sid: 'sub_nolang' }, { sid: 'sub_ja', lang: 'ja' }]) {
      const link = await mint(payload);
      await revoke(link);
      const korean = await open(link.id, BROWSER_KO);
      expect(korean.status).toBe(410);
      expect(korean.headers.get('content-language')).toBe('ko');
      expect(korean.body).toContain('취소되었습니다');
      expect(varies(korean.headers)).toBe(true);
      const english = await open(link.id);
      expect(english.headers.get('content-language')).toBe('en');
      expect(english.body).toContain('Link no longer valid');
      expect(varies(english.headers)).toBe(true);
    }
  });
});
