import { QueryValidationErrorCode } from '../errors/query-validation-error-code.enum';
import { QueryValidationError } from '../errors/query-validation.error';
import { validateQuery } from './query.validator';

function rejection(value: unknown): { code: string; field: string; message: string } {
  try {
    validateQuery(value);
  } catch (error) {
    if (error instanceof QueryValidationError)
      return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a QueryValidationError');
}

describe('validateQuery', () => {
  it('returns a normalized copy in canonical order without empty optional fields', () => {
    const result = validateQuery({
      token: 'tok_00000001',
      authCf2: null,
      authCf1: '',
      sid: 'sub_1',
      authUserId: 'u',
    });
    expect(result).toEqual({ sid: 'sub_1', authUserId: 'u', token: 'tok_00000001' });
    expect(Object.keys(result)).toEqual(['sid', 'authUserId', 'token']);
  });

  it.each<[string, unknown, QueryValidationErrorCode, string]>([
    ['null', null, QueryValidationErrorCode.NOT_AN_OBJECT, 'query'],
    ['an array', [{ sid: 'x' }], QueryValidationErrorCode.NOT_AN_OBJECT, 'query'],
    ['a string', 'sid=x', QueryValidationErrorCode.NOT_AN_OBJECT, 'query'],
    ['no sid', { authUserId: 'u' }, QueryValidationErrorCode.REQUIRED, 'sid'],
    ['an empty sid', { sid: '' }, QueryValidationErrorCode.REQUIRED, 'sid'],
    ['a numeric sid', { sid: 12 }, QueryValidationErrorCode.NOT_A_STRING, 'sid'],
    ['an object cf', { sid: 's', authCf2: {} }, QueryValidationErrorCode.NOT_A_STRING, 'authCf2'],
    ['a long sid', { sid: 'x'.repeat(257) }, QueryValidationErrorCode.TOO_LONG, 'sid'],
    ['a long cf', { sid: 's', authCf3: 'x'.repeat(513) }, QueryValidationErrorCode.TOO_LONG, 'authCf3'],
    [
      'a lone surrogate',
      { sid: 's', authUserId: 'a\uD800b' },
      QueryValidationErrorCode.MALFORMED_UNICODE,
      'authUserId',
    ],
    ['a bad token', { sid: 's', token: 'short' }, QueryValidationErrorCode.INVALID_TOKEN_ID, 'token'],
    ['an unknown key', { sid: 's', authCF1: 'typo' }, QueryValidationErrorCode.UNKNOWN_FIELD, 'authCF1'],
    [
      'an unprintable unknown key',
      { sid: 's', 'a b\n': 1 },
      QueryValidationErrorCode.UNKNOWN_FIELD,
      '(unprintable)',
    ],
  ])('rejects %s', (_label, value, code, field) => {
    const error = rejection(value);
    expect(error).toMatchObject({ code, field });
    expect(error.message).toContain(field === '(unprintable)' ? 'Unknown' : field);
  });

  it('accepts fields at their maximum length and a surrogate pair', () => {
    expect(validateQuery({ sid: 'x'.repeat(256), authCf1: '😀'.repeat(256) }).authCf1).toHaveLength(512);
  });

  it('never puts the rejected value in the message', () => {
    expect(rejection({ sid: 's', token: 'SECRET!' }).message).not.toContain('SECRET');
    expect(rejection({ sid: 'SECRET'.repeat(50) }).message).not.toContain('SECRET');
  });
});
