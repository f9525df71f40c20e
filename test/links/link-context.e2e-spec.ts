import { DataSource } from 'typeorm';
import { LinkService, TokenError } from '@faceauth/token-policy';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const WRITER = 'context-writer-secret-00000000001';
const READER = 'context-reader-secret-00000000002';

/** `count` keys named k0, k1, … with short values. */
const keys = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_v, i) => [`k${i}`, `v${i}`]));

describe.each(databasesUnderTest())("a link's context (clientReference, metadata) on %s", (kind) => {
  let api: ApiHarness;
  const write = { authorization: `Bearer ${WRITER}` };
  const read = { 'x-api-key': READER };

  beforeAll(async () => {
    api = await startApi(kind, {
      env: {
        FACEAUTH_PID: 'pid-context',
        FACEAUTH_API_KEY: 'context-add-on-key-0001',
        ARGOS_FORM_URL: 'https://form.example/face-auth',
        PUBLIC_BASE_URL: 'https://auth.example.com',
        INTERNAL_API_KEYS: `writer|links:write|${WRITER};reader|links:read|${READER}`,
      },
    });
  });
  afterAll(() => api.close());

  const mint = (payload: object, headers: Record<string, string> = write) =>
    api.app.inject({ method: 'POST', url: '/v1/links', headers, payload });
  const get = (url: string) => api.app.inject({ method: 'GET', url, headers: read });
  const linkCount = async (): Promise<number> =>
    Number((await api.app.get(DataSource).query('SELECT COUNT(*) AS n FROM faceauth_tokens'))[0].n);

  it('mints with both, and returns them on the minted link, on GET /v1/links/:id and in lists', async () => {
    const metadata = { orderId: 'A-1001', channel: 'web', 'tenant:region.eu-1': 'ünïcødé 😀', empty: '' };
    const res = await mint({ sid: 'sub_ctx', clientReference: `order-${kind}-1`, metadata });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({ clientReference: `order-${kind}-1`, metadata });
    expect((await get(`/v1/links/${link.id}`)).json()).toMatchObject({
      id: link.id,
      clientReference: `order-${kind}-1`,
      metadata,
    });
    const listed = (await get('/v1/links?limit=200')).json();
    expect(listed.items.find((l: { id: string }) => l.id === link.id)).toMatchObject({
      clientReference: `order-${kind}-1`,
      metadata,
    });
    // The short link returns a redirect, nothing of the context.
    const opened = await api.app.inject({ method: 'GET', url: `/l/${link.id}` });
    expect(opened.statusCode).toBe(302);
    expect(opened.body).not.toContain('A-1001');
  });

  it('filters lists by clientReference, exactly, with the other filters and pages', async () => {
    const ref = `case-${kind}-7`;
    const a = (await mint({ sid: 'sub_f', clientReference: ref })).json();
    const b = (await mint({ sid: 'sub_f', clientReference: ref, authUserId: 'filter-user' })).json();
    const longer = (await mint({ sid: 'sub_f', clientReference: `${ref}0` })).json();
    const upper = (await mint({ sid: 'sub_f', clientReference: ref.toUpperCase() })).json();
    await mint({ sid: 'sub_f' });
    const ids = async (query: string): Promise<string[]> =>
      (await get(`/v1/links?${query}`)).json().items.map((l: { id: string }) => l.id);
    expect((await ids(`clientReference=${ref}&limit=200`)).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(`clientReference=${ref}0`)).toEqual([longer.id]);
    expect(await ids(`clientReference=${ref.toUpperCase()}`)).toEqual([upper.id]);
    expect(await ids(`clientReference=${ref}&authUserId=filter-user`)).toEqual([b.id]);
    expect(await ids(`clientReference=${ref}&status=active&sid=sub_f&limit=200`)).toHaveLength(2);
    await api.app.inject({ method: 'DELETE', url: `/v1/links/${a.id}`, headers: write });
    expect(await ids(`clientReference=${ref}&status=revoked`)).toEqual([a.id]);
    const page1 = (await get(`/v1/links?clientReference=${ref}&limit=1`)).json();
    const page2 = (await get(`/v1/links?clientReference=${ref}&limit=1&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((l: { id: string }) => l.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(page2.nextCursor).toBeNull();
    expect(await ids('clientReference=nobody-has-this')).toEqual([]);
    const refused = await get(`/v1/links?clientReference=${'r'.repeat(257)}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('clientReference');
  });

  it('accepts every limit exactly', async () => {
    const metadata = { ...keys(19), ['K'.repeat(40)]: 'v'.repeat(500) };
    const res = await mint({ sid: 'sub_max', clientReference: 'r'.repeat(256), metadata });
    expect(res.statusCode).toBe(201);
    expect((await get(`/v1/links/${res.json().id}`)).json()).toMatchObject({
      clientReference: 'r'.repeat(256),
      metadata,
    });
  });

  it('refuses each limit with a 400 naming the field, and writes nothing', async () => {
    const before = await linkCount();
    const cases: [object, string, string][] = [
      [{ clientReference: '' }, 'clientReference', '1-256'],
      [{ clientReference: 'r'.repeat(257) }, 'clientReference', '1-256'],
      [{ clientReference: 42 }, 'clientReference', 'string'],
      [{ clientReference: 'nul\u0000inside' }, 'clientReference', 'NUL'],
      [{ metadata: keys(21) }, 'metadata', 'at most 20 keys'],
      [{ metadata: { ['K'.repeat(41)]: 'v' } }, 'metadata', 'keys must be 1-40 characters'],
      [{ metadata: { 'has space': 'v' } }, 'metadata', 'keys must be'],
      [{ metadata: { 'slash/key': 'v' } }, 'metadata', 'keys must be'],
      [{ metadata: { '': 'v' } }, 'metadata', 'keys must be'],
      [{ metadata: { constructor: 'v' } }, 'metadata', 'keys must be'],
      [{ metadata: { note: 'v'.repeat(501) } }, 'metadata.note', 'at most 500 characters'],
      [{ metadata: { note: 'v'.repeat(100_000) } }, 'metadata.note', 'at most 500 characters'],
      [{ metadata: { count: 3 } }, 'metadata.count', 'must be a string'],
      [{ metadata: { flag: true } }, 'metadata.flag', 'must be a string'],
      [{ metadata: { nested: { a: 'b' } } }, 'metadata.nested', 'must be a string'],
      [{ metadata: { list: ['a'] } }, 'metadata.list', 'must be a string'],
      [{ metadata: { nothing: null } }, 'metadata.nothing', 'must be a string'],
      [{ metadata: ['a', 'b'] }, 'metadata', 'object of string values'],
      [{ metadata: 'orderId=1' }, 'metadata', 'object of string values'],
      [{ metadata: { note: 'nul\u0000inside' } }, 'metadata.note', 'NUL'],
      [{ metadata: { note: 'lone \ud800 surrogate' } }, 'metadata.note', 'surrogate'],
    ];
    for (const [context, field, why] of cases) {
      const res = await mint({ sid: 'sub_refused', ...context });
      expect({ context, status: res.statusCode, code: res.json().code }).toEqual({
        context,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.json().message).toContain(field);
      expect(res.json().message).toContain(why);
    }
    expect(await linkCount()).toBe(before);
  });

  it('reads a link without a context (as every link minted before) as null and {}', async () => {
    const plain = (await mint({ sid: 'sub_plain' })).json();
    expect(plain).toMatchObject({ clientReference: null, metadata: {} });
    // As the migration left the links that existed before it: both columns NULL.
    const explicit = (
      await mint({ sid: 'sub_plain', clientReference: 'to-clear', metadata: { a: 'b' } })
    ).json();
    await api.app
      .get(DataSource)
      .query(
        `UPDATE faceauth_tokens SET client_reference = NULL, metadata = NULL WHERE id = '${explicit.id}'`,
      );
    for (const id of [plain.id, explicit.id]) {
      const read = await get(`/v1/links/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id, clientReference: null, metadata: {}, status: 'active' });
    }
    const listed = (await get('/v1/links?sid=sub_plain')).json();
    expect(listed.items).toHaveLength(2);
    expect(listed.items.every((l: { metadata: object }) => Object.keys(l.metadata).length === 0)).toBe(true);
  });

  it('keeps the context in the idempotency fingerprint (key order aside)', async () => {
    const headers = { ...write, 'idempotency-key': `context-${kind}` };
    const first = await mint({ sid: 'sub_i', clientReference: 'c', metadata: { a: '1', b: '2' } }, headers);
    const again = await mint({ sid: 'sub_i', clientReference: 'c', metadata: { b: '2', a: '1' } }, headers);
    expect(again.json().id).toBe(first.json().id);
    const other = await mint({ sid: 'sub_i', clientReference: 'c', metadata: { a: '1', b: '3' } }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('is set and refused the same way through LinkService.mint, for embedders', async () => {
    const links = api.app.get(LinkService);
    const view = await links.mint({ sid: 'sub_embed', clientReference: 'embedded-1', metadata: { x: 'y' } });
    expect(view).toMatchObject({ clientReference: 'embedded-1', metadata: { x: 'y' } });
    expect((await links.list({ clientReference: 'embedded-1' })).items.map((v) => v.id)).toEqual([view.id]);
    const before = await linkCount();
    const refusals: [Record<string, unknown>, string][] = [
      [{ clientReference: 'r'.repeat(257) }, 'clientReference'],
      [{ metadata: keys(21) }, 'metadata'],
      [{ metadata: { ['K'.repeat(41)]: 'v' } }, 'metadata keys'],
      [{ metadata: { note: 'v'.repeat(501) } }, 'metadata.note'],
      [{ metadata: { note: 7 } }, 'metadata.note'],
      [{ metadata: { note: '\u0000' } }, 'metadata.note'],
    ];
    for (const [context, field] of refusals) {
      const refused = await links.mint({ sid: 'sub_embed', ...context }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TokenError);
      expect(refused).toMatchObject({ code: 'INVALID_LINK_CONTEXT' });
      expect((refused as TokenError).message).toContain(field);
    }
    expect(await linkCount()).toBe(before);
  });
});
