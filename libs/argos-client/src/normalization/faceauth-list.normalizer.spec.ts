import fc from 'fast-check';
import { ArgosClientError } from '../errors/argos-client.error';
import { ArgosErrorCode } from '../errors/argos-error-code.enum';
import { normalizeListPage } from './faceauth-list.normalizer';

const key = { authId: 'k', createTime: '2026-01-01 00:00:00' };
const ids = (raw: unknown): string[] => normalizeListPage(raw).records.map((r) => r.authId);

describe('normalizeListPage', () => {
  it('reads the nested shape, several groups, and gives records their group project id', () => {
    const page = normalizeListPage([
      { faceAuth_projectId: 'p1', data: [{ auth_id: 'a' }, { auth_id: 'b', faceAuth_projectId: 'own' }] },
      { faceAuth_projectId: 'p2', data: [{ auth_id: 'c' }] },
    ]);
    expect(page.records.map((r) => [r.authId, r.projectId])).toEqual([
      ['a', 'p1'],
      ['b', 'own'],
      ['c', 'p2'],
    ]);
    expect(page.next).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['at the top level of an object', { data: [{ auth_id: 'a' }], nextPage_key: key }],
    ['inside a nested group', [{ faceAuth_projectId: 'p', data: [{ auth_id: 'a' }], nextPage_key: key }]],
    [
      'as its own array element',
      [{ faceAuth_projectId: 'p', data: [{ auth_id: 'a' }] }, { nextPage_key: key }],
    ],
    [
      'with snake-case fields',
      { data: [{ auth_id: 'a' }], next_page_key: { auth_id: 'k', create_time: '2026-01-01 00:00:00' } },
    ],
    ['as a JSON string', { data: [{ auth_id: 'a' }], nextPage_key: JSON.stringify(key) }],
  ])('finds nextPage_key %s', (_case, raw) => {
    expect(normalizeListPage(raw)).toMatchObject({ records: [{ authId: 'a' }], next: key });
  });

  it('stringifies a numeric createTime', () => {
    expect(
      normalizeListPage({ data: [], nextPage_key: { authId: 'k', createTime: 1_767_225_600_000 } }).next,
    ).toEqual({
      authId: 'k',
      createTime: '1767225600000',
    });
  });

  it.each<[string, unknown]>([
    ['null', { data: [], nextPage_key: null }],
    ['empty', { data: [], nextPage_key: {} }],
    ['an empty string', { data: [], nextPage_key: '' }],
  ])('treats a %s nextPage_key as the last page', (_case, raw) => {
    expect(normalizeListPage(raw).next).toBeUndefined();
  });

  it('reads flat arrays, single records, empty lists and groups without data', () => {
    expect(ids([{ auth_id: 'a' }, { authId: 'b' }])).toEqual(['a', 'b']);
    expect(ids({ Authentication_id: 'a' })).toEqual(['a']);
    expect(ids([])).toEqual([]);
    expect(ids([{ faceAuth_projectId: 'p' }])).toEqual([]);
    expect(ids({ faceAuth_projectId: 'p', data: { auth_id: 'a' } })).toEqual(['a']);
  });

  it.each<[string, unknown]>([
    ['an unknown object', { hello: 'world' }],
    ['a number', 42],
    ['null', null],
    ['a list of strings', ['a']],
    ['a record without id', [{ auth_status: 'approved' }]],
    ['data that is a string', { data: 'nope' }],
    ['a key without createTime', { data: [], nextPage_key: { authId: 'k' } }],
    ['a key that is a number', { data: [], nextPage_key: 5 }],
    [
      'conflicting keys',
      [{ data: [], nextPage_key: key }, { nextPage_key: { authId: 'other', createTime: 't' } }],
    ],
    ['runaway nesting', { data: { data: { data: { data: { data: [] } } } } }],
  ])('throws ARGOS_BAD_RESPONSE for %s', (_case, raw) => {
    expect(() => normalizeListPage(raw)).toThrow(
      expect.objectContaining({ code: ArgosErrorCode.BAD_RESPONSE }),
    );
  });

  it('never crashes on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        try {
          return Array.isArray(normalizeListPage(raw).records);
        } catch (error: unknown) {
          return error instanceof ArgosClientError && error.code === ArgosErrorCode.BAD_RESPONSE;
        }
      }),
      { numRuns: 500 },
    );
  });
});
