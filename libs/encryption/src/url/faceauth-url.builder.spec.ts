import fc from 'fast-check';
import { CipherName } from '../cipher/cipher-name.type';
import { ARGOS_TEST_VECTOR } from '../contract/argos-test-vector.constants';
import { DecryptionErrorCode } from '../errors/decryption-error-code.enum';
import { DecryptionError } from '../errors/decryption.error';
import { EncryptionConfigError } from '../errors/encryption-config.error';
import { QueryValidationError } from '../errors/query-validation.error';
import { deriveKey } from '../key/derive-key';
import { FaceAuthQuery } from '../query/faceauth-query.interface';
import { PlaintextFormat } from '../query/plaintext-format.type';
import { FaceAuthUrlBuilder, FaceAuthUrlBuilderOptions } from './faceauth-url.builder';

const key = deriveKey(ARGOS_TEST_VECTOR.keyString);
const builder = new FaceAuthUrlBuilder({ pid: 'proj-1', key });

const optionalField = (max: number): fc.Arbitrary<string | undefined> =>
  fc.option(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => s.length <= max),
    { nil: undefined },
  );

const arbitraryQuery: fc.Arbitrary<FaceAuthQuery> = fc
  .record({
    sid: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.length <= 256),
    authUserId: optionalField(60),
    authCf1: optionalField(80),
    authCf2: optionalField(80),
    authCf3: optionalField(80),
    token: fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{6,62}[A-Za-z0-9]$/), { nil: undefined }),
  })
  .map(
    (q) =>
      Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as unknown as FaceAuthQuery,
  );

describe('FaceAuthUrlBuilder', () => {
  it('builds the test vector URL exactly: pid, then the URL-encoded ciphertext, then lang', () => {
    expect(builder.build(ARGOS_TEST_VECTOR.query, { lang: 'ko' })).toBe(
      `https://form.argosidentity.com/face-auth?pid=proj-1&encrypted=${encodeURIComponent(ARGOS_TEST_VECTOR.ciphertext)}&lang=ko`,
    );
    expect(builder.encryptQuery(ARGOS_TEST_VECTOR.query)).toBe(ARGOS_TEST_VECTOR.ciphertext);
  });

  it('reads the test vector back from its URL and from the bare ciphertext', () => {
    const url = builder.build(ARGOS_TEST_VECTOR.query, { lang: 'en' });
    expect(builder.decrypt(url)).toEqual({ pid: 'proj-1', lang: 'en', query: ARGOS_TEST_VECTOR.query });
    expect(builder.decrypt(ARGOS_TEST_VECTOR.ciphertext)).toEqual({ query: ARGOS_TEST_VECTOR.query });
    expect(builder.decryptQuery(ARGOS_TEST_VECTOR.ciphertext)).toEqual(ARGOS_TEST_VECTOR.query);
  });

  it('omits lang when not given and URL-encodes pid', () => {
    const url = new FaceAuthUrlBuilder({ pid: 'a b&c', key }).build({ sid: 's' });
    expect(url).toMatch(/^https:\/\/form\.argosidentity\.com\/face-auth\?pid=a%20b%26c&encrypted=[^&]+$/);
  });

  it('appends to a form URL that already has a query string', () => {
    const custom = new FaceAuthUrlBuilder({
      pid: 'p',
      key,
      formUrl: 'http://localhost:4010/face-auth?env=test',
    });
    const url = custom.build({ sid: 's' });
    expect(url.startsWith('http://localhost:4010/face-auth?env=test&pid=p&encrypted=')).toBe(true);
    expect(custom.decrypt(url).query).toEqual({ sid: 's' });
  });

  describe.each<[CipherName, PlaintextFormat]>([
    ['aes-256-ecb', 'json'],
    ['aes-256-ecb', 'querystring'],
    ['aes-256-gcm', 'json'],
    ['aes-256-gcm', 'querystring'],
  ])('%s with %s plaintext', (cipher, format) => {
    const subject = new FaceAuthUrlBuilder({ pid: 'p', key, cipher, format });

    it('round-trips arbitrary Unicode field values through the URL', () => {
      fc.assert(
        fc.property(arbitraryQuery, fc.constantFrom(undefined, 'ko', 'zh-TW'), (q, lang) => {
          const decrypted = subject.decrypt(subject.build(q, { lang }));
          expect(decrypted.query).toEqual(q);
          expect(decrypted.pid).toBe('p');
          expect(decrypted.lang).toBe(lang);
        }),
        { numRuns: 150 },
      );
    });

    it('refuses the URL under another project key', () => {
      const other = new FaceAuthUrlBuilder({ pid: 'p', key: deriveKey('OTHER'), cipher, format });
      try {
        other.decrypt(subject.build({ sid: 'sub_1' }));
        throw new Error('expected a DecryptionError');
      } catch (error) {
        expect(error).toBeInstanceOf(DecryptionError);
        expect([DecryptionErrorCode.BAD_CIPHERTEXT, DecryptionErrorCode.AUTH_TAG_FAILED]).toContain(
          (error as DecryptionError).code,
        );
      }
    });
  });

  it.each<CipherName>(['aes-256-ecb', 'aes-256-gcm'])(
    'throws only DecryptionError on fuzzed URLs and ciphertexts (%s)',
    (cipher) => {
      const subject = new FaceAuthUrlBuilder({ pid: 'p', key, cipher });
      const fuzz = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.uint8Array({ maxLength: 96 }).map((b) => Buffer.from(b).toString('base64')),
        fc
          .uint8Array({ maxLength: 96 })
          .map(
            (b) =>
              `https://x.test/face-auth?pid=p&encrypted=${encodeURIComponent(Buffer.from(b).toString('base64'))}`,
          ),
        fc.string({ maxLength: 60 }).map((s) => `https://x.test/?encrypted=${s}`),
      );
      fc.assert(
        fc.property(fuzz, (input) => {
          try {
            subject.decrypt(input);
          } catch (error) {
            expect(error).toBeInstanceOf(DecryptionError);
          }
        }),
        { numRuns: 1500 },
      );
    },
  );

  it('reports a plaintext-format mismatch as a DecryptionError, not a crash', () => {
    const qs = new FaceAuthUrlBuilder({ pid: 'p', key, format: 'querystring' });
    expect(() => qs.decrypt(ARGOS_TEST_VECTOR.ciphertext)).toThrow(DecryptionError);
  });

  it('validates the query and lang before encrypting', () => {
    expect(() => builder.build({ sid: '' })).toThrow(QueryValidationError);
    expect(() => builder.build({ sid: 's', token: 'bad' })).toThrow(/token/);
    expect(() => builder.build({ sid: 's' }, { lang: 'ko&x=1' })).toThrow(/lang/);
  });

  it.each<[string, Partial<FaceAuthUrlBuilderOptions>, string]>([
    ['an empty pid', { pid: ' ' }, 'pid'],
    ['a short key', { key: Buffer.alloc(31) }, 'key'],
    ['an unknown cipher', { cipher: 'des' as CipherName }, 'cipher'],
    ['an unknown format', { format: 'xml' as PlaintextFormat }, 'format'],
    ['a relative form URL', { formUrl: '/face-auth' }, 'formUrl'],
    ['a javascript: form URL', { formUrl: 'javascript:alert(1)' }, 'formUrl'],
    ['a form URL with a fragment', { formUrl: 'https://x.test/#a' }, 'formUrl'],
    ['a bad GCM layout', { cipher: 'aes-256-gcm', gcmLayout: { nonceLength: 4 } }, 'gcmLayout.nonceLength'],
  ])('rejects %s naming the option', (_label, override, option) => {
    try {
      new FaceAuthUrlBuilder({ pid: 'p', key, ...override });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(EncryptionConfigError);
      expect((error as EncryptionConfigError).option).toBe(option);
    }
  });
});
