import { linkContextProblem, metadataOf } from './link-context';

const keys = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_v, i) => [`k${i}`, 'v']));

describe('linkContextProblem', () => {
  it('accepts no context, and every limit exactly', () => {
    expect(linkContextProblem({})).toBeNull();
    expect(
      linkContextProblem({
        clientReference: 'r'.repeat(256),
        metadata: { ...keys(18), ['K'.repeat(40)]: 'v'.repeat(500), 'a.b:c-d_e': '' },
      }),
    ).toBeNull();
  });

  it.each([
    [{ clientReference: '' }, 'clientReference'],
    [{ clientReference: 'r'.repeat(257) }, 'clientReference'],
    [{ clientReference: 'a\u0000b' }, 'clientReference'],
    [{ clientReference: '\udc00' }, 'clientReference'],
    [{ metadata: keys(21) }, 'metadata'],
    [{ metadata: { ['K'.repeat(41)]: 'v' } }, 'metadata'],
    [{ metadata: { 'a b': 'v' } }, 'metadata'],
    [{ metadata: JSON.parse('{"__proto__":"v"}') as unknown }, 'metadata'],
    [{ metadata: { note: 'v'.repeat(501) } }, 'metadata.note'],
    [{ metadata: { note: 1 } }, 'metadata.note'],
    [{ metadata: { note: 'a\u0000b' } }, 'metadata.note'],
    [{ metadata: { note: 'a\ud800b' } }, 'metadata.note'],
    [{ metadata: null }, 'metadata'],
    [{ metadata: [] }, 'metadata'],
  ])('refuses %j, naming %s', (input, field) => {
    const problem = linkContextProblem(input);
    expect(problem?.field).toBe(field);
    expect(problem?.message.startsWith(field)).toBe(true);
  });
});

describe('metadataOf', () => {
  it('reads a missing context as {} and hands out a copy', () => {
    expect(metadataOf(null)).toEqual({});
    const stored = { a: 'b' };
    const read = metadataOf(stored);
    read.a = 'changed';
    expect(stored).toEqual({ a: 'b' });
  });
});
