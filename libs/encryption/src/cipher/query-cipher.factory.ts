import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';
import { AesEcbCipher } from './aes-ecb.cipher';
import { AesGcmCipher } from './aes-gcm.cipher';
import { CIPHER_NAMES, CipherName } from './cipher-name.type';
import { GcmLayout } from './gcm-layout';
import { QueryCipher } from './query-cipher.interface';

/** Options of {@link createQueryCipher}. `key` is the derived 32-byte key, not the key string. */
export interface QueryCipherOptions {
  cipher: CipherName;
  key: Buffer;
  /** Only for `aes-256-gcm`; merged over the default layout. */
  gcmLayout?: Partial<GcmLayout>;
}

/** Creates the cipher chosen by configuration; throws `EncryptionConfigError` on a bad name, key or layout. */
export function createQueryCipher(opts: QueryCipherOptions): QueryCipher {
  switch (opts.cipher) {
    case 'aes-256-ecb':
      return new AesEcbCipher(opts.key);
    case 'aes-256-gcm':
      return new AesGcmCipher(opts.key, opts.gcmLayout);
    default:
      throw encryptionConfigErrors.invalidOption('cipher', `must be one of ${CIPHER_NAMES.join(', ')}`);
  }
}
