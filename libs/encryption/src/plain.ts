// The Nest-free surface of @faceauth/encryption: usable from plain Node without Nest installed
// (the package's `faceauth/encryption` export). index.ts adds the Nest module on top.

export { deriveKey, AES_256_KEY_LENGTH } from './key/derive-key';
export { ARGOS_TEST_VECTOR } from './contract/argos-test-vector.constants';

export type { CipherName } from './cipher/cipher-name.type';
export { CIPHER_NAMES } from './cipher/cipher-name.type';
export type { QueryCipher } from './cipher/query-cipher.interface';
export type { QueryCipherOptions } from './cipher/query-cipher.factory';
export { createQueryCipher } from './cipher/query-cipher.factory';
export type { GcmLayout, GcmEncoding } from './cipher/gcm-layout';
export { DEFAULT_GCM_LAYOUT, GCM_TAG_LENGTH, resolveGcmLayout } from './cipher/gcm-layout';
export { AesEcbCipher } from './cipher/aes-ecb.cipher';
export { AesGcmCipher } from './cipher/aes-gcm.cipher';

export type { FaceAuthQuery, FaceAuthQueryField } from './query/faceauth-query.interface';
export { FACEAUTH_QUERY_FIELDS } from './query/faceauth-query.interface';
export type { PlaintextFormat } from './query/plaintext-format.type';
export { PLAINTEXT_FORMATS } from './query/plaintext-format.type';
export { QUERY_FIELD_MAX_LENGTH } from './query/query-field.limits';
export { TOKEN_ID_PATTERN, isValidTokenId } from './query/token-id.pattern';
export { serializeQuery } from './query/query.serializer';
export { parseQuery } from './query/query.parser';
export { validateQuery } from './query/query.validator';

export { DEFAULT_FORM_URL } from './url/form-url.constants';
export type { ParsedFaceAuthUrl } from './url/faceauth-url.parser';
export { parseFaceAuthUrl } from './url/faceauth-url.parser';
export type { FaceAuthUrlBuilderOptions, DecryptedFaceAuthUrl } from './url/faceauth-url.builder';
export { FaceAuthUrlBuilder } from './url/faceauth-url.builder';

export type {
  EncryptionModuleOptions,
  EncryptionProjectOptions,
} from './project/encryption-options.interface';
export type { ProjectDecryptedFaceAuthUrl } from './project/faceauth-project.registry';
export { FaceAuthProjectRegistry } from './project/faceauth-project.registry';

export { DecryptionErrorCode } from './errors/decryption-error-code.enum';
export { DecryptionError } from './errors/decryption.error';
export { QueryValidationErrorCode } from './errors/query-validation-error-code.enum';
export { QueryValidationError } from './errors/query-validation.error';
export { EncryptionConfigErrorCode } from './errors/encryption-config-error-code.enum';
export { EncryptionConfigError } from './errors/encryption-config.error';
