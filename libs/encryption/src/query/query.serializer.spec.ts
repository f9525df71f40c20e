import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { serializeQuery } from './query.serializer';

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
