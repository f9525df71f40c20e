import { AES_256_KEY_LENGTH } from '../key/derive-key';
import { encryptionConfigErrors } from '../errors/encryption-config-error.messages';

/** Checks a raw AES-256 key and returns a private copy, so later mutation of the caller's Buffer cannot change it. */
export function ownAes256Key(key: unknown, optionPath = 'key'): Buffer {
  if (!Buffer.isBuffer(key) || key.length !== AES_256_KEY_LENGTH) {
    throw encryptionConfigErrors.invalidOption(
      optionPath,
      `must be a ${AES_256_KEY_LENGTH}-byte Buffer (use deriveKey() on the key string)`,
    );
  }
  return Buffer.from(key);
}
