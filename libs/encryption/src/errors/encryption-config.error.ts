import { EncryptionConfigErrorCode } from './encryption-config-error-code.enum';

/**
 * Raised for bad encryption configuration (module options, builder or cipher options) and for unknown
 * project names. `option` is the path of the offending option, e.g. `projects[1].pid`. Messages never
 * contain key strings.
 */
export class EncryptionConfigError extends Error {
  override readonly name = 'EncryptionConfigError';

  constructor(
    readonly code: EncryptionConfigErrorCode,
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
