import { isValidTokenId } from './token-id.pattern';

describe('isValidTokenId', () => {
  it.each(['tok_00000001', 'abcdefgh', 'A.b-c_d9', 'a'.repeat(64), '12345678'])('accepts %s', (id) => {
    expect(isValidTokenId(id)).toBe(true);
  });

  it.each([
    ['7 characters', 'abcdefg'],
    ['65 characters', 'a'.repeat(65)],
    ['a leading dot', '.abcdefgh'],
    ['a trailing dash', 'abcdefgh-'],
    ['a trailing underscore', 'abcdefgh_'],
    ['a space', 'abcd efgh'],
    ['a non-ASCII letter', 'abcdéfgh'],
    ['a slash', 'abcd/efgh'],
    ['a trailing newline', 'abcdefgh\n'],
  ])('rejects %s', (_label, id) => {
    expect(isValidTokenId(id)).toBe(false);
  });
});
