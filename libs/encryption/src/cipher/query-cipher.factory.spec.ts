import { EncryptionConfigErrorCode } from '../errors/encryption-config-error-code.enum';
import { EncryptionConfigError } from '../errors/encryption-config.error';
import { deriveKey } from '../key/derive-key';
import { AesEcbCipher } from './aes-ecb.cipher';
import { AesGcmCipher } from './aes-gcm.cipher';
import { CipherName } from './cipher-name.type';
import { createQueryCipher } from './query-cipher.factory';

describe('createQueryCipher', () => {
  const key = deriveKey('k');

  it('creates the cipher named by configuration', () => {
    expect(createQueryCipher({ cipher: 'aes-256-ecb', key })).toBeInstanceOf(AesEcbCipher);
    const gcm = createQueryCipher({ cipher: 'aes-256-gcm', key, gcmLayout: { encoding: 'hex' } });
    expect(gcm).toBeInstanceOf(AesGcmCipher);
    expect((gcm as AesGcmCipher).layout).toEqual({
      nonceLength: 12,
      order: 'nonce-ciphertext-tag',
      encoding: 'hex',
    });
  });

  it('rejects an unknown cipher name with INVALID_OPTION on "cipher"', () => {
    const run = (): unknown => createQueryCipher({ cipher: 'aes-256-cbc' as CipherName, key });
    expect(run).toThrow(EncryptionConfigError);
    try {
      run();
    } catch (error) {
      expect((error as EncryptionConfigError).code).toBe(EncryptionConfigErrorCode.INVALID_OPTION);
      expect((error as EncryptionConfigError).option).toBe('cipher');
    }
  });

  it('rejects a key string passed where the derived key belongs', () => {
    expect(() =>
      createQueryCipher({ cipher: 'aes-256-ecb', key: 'not-a-buffer' as unknown as Buffer }),
    ).toThrow(/key: must be a 32-byte Buffer/);
  });
});
