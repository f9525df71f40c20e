import fc from 'fast-check';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { FaceAuthQuery } from './faceauth-query.interface';
import { PlaintextFormat } from './plaintext-format.type';
import { parseQuery } from './query.parser';
import { serializeQuery } from './query.serializer';

const arbitraryField = (maxLength: number): fc.Arbitrary<string | undefined> =>
  fc.option(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((s) => s.length <= maxLength),
    { nil: undefined },
  );

function failure(
  plaintext: string,
  format: PlaintextFormat,
): { code: DecryptionErrorCode; field?: string; message: string } {
  try {
    parseQuery(plaintext, format);
  } catch (error) {
    if (error instanceof DecryptionError)
      return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a DecryptionError');
}

describe('parseQuery', () => {
  it.each<PlaintextFormat>(['json', 'querystring'])(
    'inverts serializeQuery for arbitrary Unicode values (%s)',
    (format) => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }).filter((s) => s.length <= 256),
          arbitraryField(100),
          arbitraryField(100),
          fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{6,20}[A-Za-z0-9]$/), { nil: undefined }),
          (sid, authUserId, authCf1, token) => {
            const q: FaceAuthQuery = { sid, authUserId, authCf1, token };
            const expected = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
            expect(parseQuery(serializeQuery(q, format), format)).toEqual(expected);
          },
        ),
      );
    },
  );

  it('reads the query-string notation, including + as a space', () => {
    expect(parseQuery('sid=a+b&authCf1=x%2By', 'querystring')).toEqual({ sid: 'a b', authCf1: 'x+y' });
  });

  it.each<[string, PlaintextFormat, DecryptionErrorCode, string | undefined]>([
    ['sid=x', 'json', DecryptionErrorCode.NOT_JSON, undefined],
    ['[1]', 'json', DecryptionErrorCode.BAD_PLAINTEXT, undefined],
    ['"sid"', 'json', DecryptionErrorCode.BAD_PLAINTEXT, undefined],
    ['{"authUserId":"u"}', 'json', DecryptionErrorCode.MISSING_SID, 'sid'],
    ['{"sid":""}', 'json', DecryptionErrorCode.MISSING_SID, 'sid'],
    ['{"sid":"s","token":"bad"}', 'json', DecryptionErrorCode.INVALID_FIELD, 'token'],
    ['{"sid":"s","evil":"x"}', 'json', DecryptionErrorCode.INVALID_FIELD, undefined],
    ['{"sid":1}', 'json', DecryptionErrorCode.INVALID_FIELD, 'sid'],
    ['hello', 'querystring', DecryptionErrorCode.BAD_PLAINTEXT, undefined],
    ['sid=a&sid=b', 'querystring', DecryptionErrorCode.INVALID_FIELD, 'sid'],
    ['authUserId=u', 'querystring', DecryptionErrorCode.MISSING_SID, 'sid'],
  ])('rejects %j (%s)', (plaintext, format, code, field) => {
    const error = failure(plaintext, format);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('never quotes the plaintext in its messages', () => {
    expect(failure('{"sid":"s","SECRETKEY":"x"}', 'json').message).not.toContain('SECRET');
    expect(failure('SECRET=1&x', 'querystring').message).not.toContain('SECRET');
    expect(failure('{"sid":"s","token":"SECRET"}', 'json').message).not.toContain('SECRET');
  });
});
