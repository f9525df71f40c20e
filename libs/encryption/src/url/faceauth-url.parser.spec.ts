import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { parseFaceAuthUrl } from './faceauth-url.parser';

const CT = ARGOS_TEST_VECTOR.ciphertext;
const ENCODED = encodeURIComponent(CT);

function failure(input: string): DecryptionErrorCode {
  try {
    parseFaceAuthUrl(input);
  } catch (error) {
    if (error instanceof DecryptionError) return error.code;
    throw error;
  }
  throw new Error('expected a DecryptionError');
}

describe('parseFaceAuthUrl', () => {
  it('reads pid, encrypted and lang from a full URL', () => {
    expect(
      parseFaceAuthUrl(`https://form.argosidentity.com/face-auth?pid=p1&encrypted=${ENCODED}&lang=ko`),
    ).toEqual({
      pid: 'p1',
      encrypted: CT,
      lang: 'ko',
    });
  });

  it('reads a URL whose ciphertext was not URL-encoded: + comes back as space for the decoder to map', () => {
    const parsed = parseFaceAuthUrl(`https://x.test/face-auth?pid=p&encrypted=${CT}`);
    expect(parsed.encrypted).toBe(CT.replaceAll('+', ' '));
  });

  it('reads a bare query string, with or without ?', () => {
    expect(parseFaceAuthUrl(`?pid=p&encrypted=${ENCODED}`)).toEqual({ pid: 'p', encrypted: CT });
    expect(parseFaceAuthUrl(`encrypted=${ENCODED}`)).toEqual({ encrypted: CT });
  });

  it('passes a bare ciphertext through, URL-decoding it when encoded', () => {
    expect(parseFaceAuthUrl(CT)).toEqual({ encrypted: CT });
    expect(parseFaceAuthUrl(ENCODED)).toEqual({ encrypted: CT });
  });

  it('ignores surrounding whitespace of a URL', () => {
    expect(parseFaceAuthUrl(`  https://x.test/?encrypted=${ENCODED}\n`).encrypted).toBe(CT);
  });

  it.each<[string, string, DecryptionErrorCode]>([
    ['empty input', '  ', DecryptionErrorCode.EMPTY_INPUT],
    [
      'a URL without encrypted',
      'https://form.argosidentity.com/face-auth?pid=p',
      DecryptionErrorCode.BAD_URL,
    ],
    ['a URL with an empty encrypted', 'https://x.test/?pid=p&encrypted=', DecryptionErrorCode.BAD_URL],
    [
      'a URL with two encrypted',
      `https://x.test/?encrypted=${ENCODED}&encrypted=${ENCODED}`,
      DecryptionErrorCode.BAD_URL,
    ],
    ['an unparsable URL', 'https://exa mple.com:99999/?encrypted=x', DecryptionErrorCode.BAD_URL],
    ['broken percent-encoding', 'abc%E0%A4%A', DecryptionErrorCode.BAD_ENCODING],
  ])('rejects %s', (_label, input, code) => {
    expect(failure(input)).toBe(code);
  });
});
