import { isUnsafeText } from './unsafe-text';

describe('isUnsafeText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00a'],
    ['two high surrogates', '\ud83d\ud83d'],
    ['a reversed pair', '\ude00\ud83d'],
  ])('refuses %s', (_name, text) => {
    expect(isUnsafeText(text)).toBe(true);
  });

  it.each([
    ['a surrogate pair (an emoji)', 'smile \ud83d\ude00'],
    ['other control characters', '\u0001\t\n\u007f'],
    ['plain text', 'sub_abc123'],
    ['the empty string', ''],
  ])('accepts %s', (_name, text) => {
    expect(isUnsafeText(text)).toBe(false);
  });
});
