import { RequestValidationError } from '../errors/request-validation.error';
import { assertSafeInput, findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input.finder';

function nested(levels: number): object {
  let value: object = {};
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

function refusal(value: unknown, root: string): RequestValidationError {
  try {
    assertSafeInput(value, root);
  } catch (error) {
    return error as RequestValidationError;
  }
  throw new Error('the value was accepted');
}

describe('findUnsafeInput', () => {
  it('finds nothing in safe values of any shape', () => {
    for (const value of [
      undefined,
      null,
      1,
      true,
      'text',
      {},
      [],
      { a: ['x', { b: 'y' }] },
      Buffer.from([0]),
    ]) {
      expect(findUnsafeInput(value)).toBeUndefined();
    }
  });

  it('names the dotted path of a bad string, through objects and arrays', () => {
    expect(findUnsafeInput('\u0000')).toEqual({ kind: 'text', path: '' });
    expect(findUnsafeInput({ sid: 'ok', authCf1: '\u0000' })).toEqual({ kind: 'text', path: 'authCf1' });
    expect(findUnsafeInput({ policy: { mode: 'count\u0000' } })).toEqual({
      kind: 'text',
      path: 'policy.mode',
    });
    expect(findUnsafeInput({ scopes: ['admin', '\ud800'] })).toEqual({ kind: 'text', path: 'scopes.1' });
    expect(findUnsafeInput([{ a: [{ b: '\udc00' }] }])).toEqual({ kind: 'text', path: '0.a.0.b' });
  });

  it('names the object holding a bad field name', () => {
    expect(findUnsafeInput({ 'a\u0000': 1 })).toEqual({ kind: 'field-name', path: '' });
    expect(findUnsafeInput({ policy: { 'mode\ud800': 'count' } })).toEqual({
      kind: 'field-name',
      path: 'policy',
    });
  });

  it('accepts exactly MAX_INPUT_DEPTH levels and refuses one more', () => {
    expect(MAX_INPUT_DEPTH).toBe(32);
    expect(findUnsafeInput(nested(32))).toBeUndefined();
    expect(findUnsafeInput(nested(33))).toEqual({ kind: 'depth', path: expect.stringMatching(/^a(\.a)*$/) });
    expect(findUnsafeInput([[['x']]], 2)).toEqual({ kind: 'depth', path: '0.0' });
    expect(findUnsafeInput([['x']], 2)).toBeUndefined();
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(findUnsafeInput(nested(100_000))).toMatchObject({ kind: 'depth' });
    expect(findUnsafeInput(nested(100_000), 200_000)).toBeUndefined();
  });
});

describe('assertSafeInput', () => {
  it('throws the validation error naming the field, or the root for a bad root', () => {
    const field = refusal({ policy: { mode: '\u0000' } }, 'body');
    expect(field).toBeInstanceOf(RequestValidationError);
    expect(field.code).toBe('VALIDATION_FAILED');
    expect(field.fields).toEqual(['policy.mode']);
    expect(field.message).toBe('policy.mode must not contain NUL characters or unpaired UTF-16 surrogates');
    expect(refusal('a\u0000', 'authId').fields).toEqual(['authId']);
    expect(refusal({ 'x\u0000': 1 }, 'body').message).toBe(
      'body has a field name containing a NUL character or an unpaired UTF-16 surrogate',
    );
  });

  it('names only the root of a value nested too deep', () => {
    const deep = refusal(nested(3000), 'body');
    expect(deep.fields).toEqual(['body']);
    expect(deep.message).toBe('body is nested deeper than 32 levels');
  });

  it('lets safe values through', () => {
    expect(() => assertSafeInput({ sid: 'sub', policy: { mode: 'count' } }, 'body')).not.toThrow();
  });
});
