import fc from 'fast-check';
import { DomainError, DomainErrorKind } from '../domain.error';
import { decodeKeysetCursor, encodeKeysetCursor, MAX_CURSOR_TIME } from './keyset-cursor';

const raw = (json: string): string => Buffer.from(json, 'utf8').toString('base64url');

function refusal(cursor: string): DomainError {
  try {
    decodeKeysetCursor(cursor);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('decodeKeysetCursor', () => {
  it('reads back what encodeKeysetCursor wrote, for UUIDs and Argos auth ids', () => {
    const ids = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CURSOR_TIME }), ids, (ms, id) => {
        expect(decodeKeysetCursor(encodeKeysetCursor(new Date(ms), id))).toEqual({ createdAt: ms, id });
      }),
    );
  });

  it('accepts both ends of the time range', () => {
    expect(decodeKeysetCursor(raw('{"c":0,"i":"a"}')).createdAt).toBe(0);
    expect(decodeKeysetCursor(raw('{"c":8640000000000000,"i":"a"}')).createdAt).toBe(MAX_CURSOR_TIME);
  });

  it.each([
    ['a time of 1e300', '{"c":1e300,"i":"a"}'],
    ['a time of 2^63', '{"c":9223372036854775808,"i":"a"}'],
    ['a time of -2^63', '{"c":-9223372036854775808,"i":"a"}'],
    ['a time of -1', '{"c":-1,"i":"a"}'],
    ['a time just past the last Date', '{"c":8640000000000001,"i":"a"}'],
    ['a fractional time', '{"c":1.5,"i":"a"}'],
    ['a time as text', '{"c":"1","i":"a"}'],
    ['no time', '{"i":"a"}'],
    ['a NUL inside the id', '{"c":1,"i":"a\\u0000b"}'],
    ['an unpaired surrogate inside the id', '{"c":1,"i":"\\ud800"}'],
    ['a space inside the id', '{"c":1,"i":"a b"}'],
    ['an empty id', '{"c":1,"i":""}'],
    ['an id of 129 characters', `{"c":1,"i":"${'a'.repeat(129)}"}`],
    ['a numeric id', '{"c":1,"i":1}'],
    ['JSON null', 'null'],
    ['a JSON array', '[1,"a"]'],
    ['not JSON', 'not json'],
  ])('refuses %s with INVALID_CURSOR', (_name, json) => {
    const error = refusal(raw(json));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_CURSOR');
    expect(error.kind).toBe(DomainErrorKind.INVALID);
  });

  it('refuses any other decoded value without throwing anything but INVALID_CURSOR', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const cursor = raw(JSON.stringify(value) ?? 'null');
        let accepted: unknown;
        try {
          accepted = decodeKeysetCursor(cursor);
        } catch (error) {
          expect((error as DomainError).code).toBe('INVALID_CURSOR');
          return;
        }
        expect(accepted).toEqual({ createdAt: expect.any(Number), id: expect.stringMatching(/^[\w.:-]+$/) });
      }),
    );
  });
});
