import { ArgosConfigErrorCode } from './argos-config-error-code.enum';

/**
 * A configuration problem, not a failed call: invalid module options (at boot) or an unknown project
 * name. Kept apart from {@link ArgosClientError} because no request, attempt or operation exists yet.
 * Messages name the option or project, never an API key.
 */
export class ArgosConfigError extends Error {
  constructor(
    readonly code: ArgosConfigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArgosConfigError';
  }
}

/** `ARGOS_UNKNOWN_PROJECT`: lists the configured names so the caller can fix its own. */
export function unknownProjectError(project: string, known: readonly string[]): ArgosConfigError {
  return new ArgosConfigError(
    ArgosConfigErrorCode.UNKNOWN_PROJECT,
    `No Argos FaceAuth project named '${project}' is configured (known: ${known.join(', ')})`,
  );
}
