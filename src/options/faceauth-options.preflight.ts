import { FaceAuthModuleOptions } from './faceauth-module.options';
import { resolveFaceAuthOptions } from './faceauth-options.resolver';

/** A module option that the product or one of its libraries refuses; the message names the option. */
export class FaceAuthOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaceAuthOptionsError';
  }
}

/**
 * Runs the validation `FaceAuthModule` runs at init (its own and every library's), before Nest starts, so
 * that a bad option is one line naming it (the service exits 78 on it) instead of a failed module graph and
 * a stack trace. Hosts may call it too.
 * @throws FaceAuthOptionsError with a one-line message
 */
export function preflightFaceAuthOptions(options: FaceAuthModuleOptions): void {
  try {
    resolveFaceAuthOptions(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FaceAuthOptionsError(message.replace(/\s+/g, ' ').trim());
  }
}
