import { resolveAdminApiOptions } from '@faceauth/admin-api';
import { ArgosCallObserver, resolveArgosClientOptions } from '@faceauth/argos-client';
import { resolveEncryptionOptions } from '@faceauth/encryption';
import { resolveResultsOptions } from '@faceauth/results';
import { resolveRetentionOptions } from '@faceauth/retention';
import { resolveTokenPolicyOptions } from '@faceauth/token-policy';
import { resolveWebhookOptions } from '@faceauth/webhook';
import { FaceAuthModuleOptions } from './faceauth-module.options';
import { resolveFaceAuthOptions } from './faceauth-options.resolver';
import { libOptions } from './lib-options.mappers';

/** A module option that the product or one of its libraries refuses; the message names the option. */
export class FaceAuthOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaceAuthOptionsError';
  }
}

const SILENT: ArgosCallObserver = { callCompleted: () => undefined, circuitChanged: () => undefined };

/**
 * Runs every validation `FaceAuthModule` and its libraries would run at boot, before Nest starts, so that a
 * bad option is one line naming it (the service exits 78 on it) instead of a failed module graph and a
 * stack trace. Hosts may call it too.
 * @throws FaceAuthOptionsError with a one-line message
 */
export function preflightFaceAuthOptions(options: FaceAuthModuleOptions): void {
  try {
    const resolved = resolveFaceAuthOptions(options);
    resolveEncryptionOptions(libOptions.encryption(resolved));
    resolveTokenPolicyOptions(libOptions.tokenPolicy(resolved));
    resolveArgosClientOptions(libOptions.argosClient(resolved, SILENT));
    resolveResultsOptions(libOptions.results(resolved));
    resolveWebhookOptions(libOptions.webhook(resolved));
    resolveRetentionOptions(libOptions.retention(resolved));
    resolveAdminApiOptions(libOptions.adminApi(resolved));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FaceAuthOptionsError(message.replace(/\s+/g, ' ').trim());
  }
}
