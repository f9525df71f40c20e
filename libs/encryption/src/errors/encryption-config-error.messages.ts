import { EncryptionConfigErrorCode } from './encryption-config-error-code.enum';
import { EncryptionConfigError } from './encryption-config.error';

export const encryptionConfigErrors = {
  invalidOption: (option: string, rule: string): EncryptionConfigError =>
    new EncryptionConfigError(EncryptionConfigErrorCode.INVALID_OPTION, option, `Invalid encryption option ${option}: ${rule}`),
  unknownProject: (name: string, known: readonly string[]): EncryptionConfigError =>
    new EncryptionConfigError(
      EncryptionConfigErrorCode.UNKNOWN_PROJECT,
      'project',
      `Unknown FaceAuth project "${name}" (configured: ${known.join(', ')})`,
    ),
};
