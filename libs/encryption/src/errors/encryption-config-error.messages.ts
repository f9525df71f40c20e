import { EncryptionConfigErrorCode } from './encryption-config-error-code.enum';
import { EncryptionConfigError } from './encryption-config.error';

// A project name may come from an API caller: echo it only when it is short and plain.
const ECHOABLE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

export const encryptionConfigErrors = {
  invalidOption: (option: string, rule: string): EncryptionConfigError =>
    new EncryptionConfigError(
      EncryptionConfigErrorCode.INVALID_OPTION,
      option,
      `Invalid encryption option ${option}: ${rule}`,
    ),
  // The configured names are left out on purpose: this message can reach an API client.
  unknownProject: (name: string): EncryptionConfigError =>
    new EncryptionConfigError(
      EncryptionConfigErrorCode.UNKNOWN_PROJECT,
      'project',
      ECHOABLE_NAME.test(name) ? `Unknown FaceAuth project "${name}"` : 'Unknown FaceAuth project',
    ),
};
