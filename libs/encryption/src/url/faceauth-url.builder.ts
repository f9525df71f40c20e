import { CIPHER_NAMES, CipherName } from '../cipher/cipher-name.type';
import { GcmLayout } from '../cipher/gcm-layout';
import { createQueryCipher } from '../cipher/query-cipher.factory';
import { QueryCipher } from '../cipher/query-cipher.interface';
import { QueryValidationErrorCode } from '../errors/query-validation-error-code.enum';
import { QueryValidationError } from '../errors/query-validation.error';
import { checkFormUrl, checkNonEmptyString, checkOneOf } from '../project/option.check';
import { FaceAuthQuery } from '../query/faceauth-query.interface';
import { PLAINTEXT_FORMATS, PlaintextFormat } from '../query/plaintext-format.type';
import { parseQuery } from '../query/query.parser';
import { serializeCanonicalQuery } from '../query/query.serializer';
import { validateQuery } from '../query/query.validator';
import { parseFaceAuthUrl } from './faceauth-url.parser';
import { DEFAULT_FORM_URL } from './form-url.constants';

/** Options of {@link FaceAuthUrlBuilder}. `key` is the derived 32-byte key (see `deriveKey`). */
export interface FaceAuthUrlBuilderOptions {
  /** Defaults to {@link DEFAULT_FORM_URL}. */
  formUrl?: string;
  /** The FaceAuth project id, sent in clear text. */
  pid: string;
  key: Buffer;
  /** Defaults to `aes-256-ecb` (the vendor's default "AES-256"). */
  cipher?: CipherName;
  /** Defaults to `json`. */
  format?: PlaintextFormat;
  gcmLayout?: Partial<GcmLayout>;
}

/** What a Face Auth URL (or a bare ciphertext) decrypts to. */
export interface DecryptedFaceAuthUrl {
  pid?: string;
  lang?: string;
  query: FaceAuthQuery;
}

// Language tags as the Argos form takes them (`ko`, `en`, `zh-TW`); anything else is a caller mistake.
const LANG_PATTERN = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$/;

/**
 * Builds and reads Face Auth URLs for one FaceAuth project:
 * `{formUrl}?pid={pid}&encrypted={encodeURIComponent(ciphertext)}[&lang={lang}]`.
 * Holds an already derived key: building a URL never derives a key.
 */
export class FaceAuthUrlBuilder {
  readonly pid: string;
  readonly formUrl: string;
  readonly format: PlaintextFormat;
  /** The project's cipher, also usable for other payloads of the same project (e.g. encrypted webhook bodies). */
  readonly cipher: QueryCipher;
  private readonly prefix: string;

  constructor(opts: FaceAuthUrlBuilderOptions) {
    this.pid = checkNonEmptyString(opts.pid, 'pid');
    this.formUrl = checkFormUrl(opts.formUrl ?? DEFAULT_FORM_URL, 'formUrl');
    this.format = checkOneOf(opts.format ?? 'json', PLAINTEXT_FORMATS, 'format');
    const cipher = checkOneOf(opts.cipher ?? 'aes-256-ecb', CIPHER_NAMES, 'cipher');
    this.cipher = createQueryCipher({ cipher, key: opts.key, gcmLayout: opts.gcmLayout });
    const separator = this.formUrl.includes('?') ? '&' : '?';
    this.prefix = `${this.formUrl}${separator}pid=${encodeURIComponent(this.pid)}&encrypted=`;
  }

  /**
   * Validates the query, encrypts it and returns the full URL. Throws `QueryValidationError` on a bad
   * field or `lang`.
   */
  build(q: FaceAuthQuery, opts?: { lang?: string }): string {
    const lang = opts?.lang;
    const hasLang = lang !== undefined && lang !== '';
    if (hasLang && !LANG_PATTERN.test(lang)) {
      throw new QueryValidationError(
        QueryValidationErrorCode.INVALID_LANG,
        'lang',
        'lang must be a language tag such as ko, en or zh-TW',
      );
    }
    const url = this.prefix + encodeURIComponent(this.encryptQuery(q));
    return hasLang ? `${url}&lang=${encodeURIComponent(lang)}` : url;
  }

  /** Validates and serializes the query, then encrypts it: the raw value of the `encrypted` parameter. */
  encryptQuery(q: FaceAuthQuery): string {
    return this.cipher.encrypt(serializeCanonicalQuery(validateQuery(q), this.format));
  }

  /** Inverse of {@link encryptQuery}: decrypts a raw (not URL-encoded) ciphertext; throws `DecryptionError` only. */
  decryptQuery(ciphertext: string): FaceAuthQuery {
    return parseQuery(this.cipher.decrypt(ciphertext), this.format);
  }

  /**
   * Reads a full Face Auth URL, its query string, or a bare ciphertext (URL-encoded or not) with this
   * project's key. Throws `DecryptionError` only. The returned `pid` is the URL's, not necessarily this
   * builder's: compare them if it matters.
   */
  decrypt(urlOrCiphertext: string): DecryptedFaceAuthUrl {
    const { encrypted, pid, lang } = parseFaceAuthUrl(urlOrCiphertext);
    const result: DecryptedFaceAuthUrl = { query: this.decryptQuery(encrypted) };
    if (pid !== undefined) result.pid = pid;
    if (lang !== undefined) result.lang = lang;
    return result;
  }
}
