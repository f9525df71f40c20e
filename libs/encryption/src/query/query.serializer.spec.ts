import fc from 'fast-check';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { PlaintextFormat } from './plaintext-format.type';
import { serializeCanonicalQuery, serializeQuery } from './query.serializer';
import { validateQuery } from './query.validator';

describe('serializeQuery', () => {
  it('writes the contract test vector plaintext exactly', () => {
    expect(serializeQuery(ARGOS_TEST_VECTOR.query, 'json')).toBe(ARGOS_TEST_VECTOR.plaintext);
  });

  it('uses the canonical key order whatever the input order, and omits unused keys', () => {
    const q = { token: 'tok_00000001', authCf3: 'c3', authCf1: '', sid: 's', authUserId: undefined };
    expect(serializeQuery(q, 'json')).toBe('{"sid":"s","authCf3":"c3","token":"tok_00000001"}');
    expect(serializeQuery(q, 'querystring')).toBe('sid=s&authCf3=c3&token=tok_00000001');
  });

  it('escapes JSON and percent-encodes query-string values', () => {
    const q = { sid: 'a"b\\c', authCf1: 'x+y&z=1 ü@' };
    expect(serializeQuery(q, 'json')).toBe('{"sid":"a\\"b\\\\c","authCf1":"x+y&z=1 ü@"}');
    expect(serializeQuery(q, 'querystring')).toBe('sid=a%22b%5Cc&authCf1=x%2By%26z%3D1%20%C3%BC%40');
  });
});

describe('serializeCanonicalQuery (hot path of FaceAuthUrlBuilder)', () => {
  it.each<PlaintextFormat>(['json', 'querystring'])(
    'writes exactly what serializeQuery writes for any validated query (%s)',
    (format) => {
      const field = fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined });
      fc.assert(
        fc.property(
          fc.record({
            sid: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
            authUserId: field,
            authCf1: field,
            authCf2: field,
            authCf3: field,
          }),
          fc.shuffledSubarray(['sid', 'authUserId', 'authCf1', 'authCf2', 'authCf3'] as const),
          (q, order) => {
            // Same fields, arbitrary insertion order: canonical order must not depend on the caller's.
            const shuffled = Object.fromEntries(
              [...order, 'sid', 'authUserId', 'authCf1', 'authCf2', 'authCf3'].map((k) => [
                k,
                q[k as keyof typeof q],
              ]),
            );
            expect(serializeCanonicalQuery(validateQuery(shuffled), format)).toBe(serializeQuery(q, format));
          },
        ),
      );
    },
  );
});
