import { ModuleOptionsError, validateModuleOptions } from '@faceauth/core';
import { ArgosConfigErrorCode } from '../errors/argos-config-error-code.enum';
import { ArgosConfigError } from '../errors/argos-config.error';
import { ResolvedArgosClientOptions } from './argos-client-options.interface';
import {
  ArgosClientModuleOptions,
  ArgosClientOptionsSchema,
  ArgosProjectCredentials,
} from './argos-client-options.schema';

/**
 * Validates module options ({@link ArgosClientOptionsSchema}) and fills in every default, once, at boot.
 *
 * @throws ArgosConfigError (`ARGOS_INVALID_OPTIONS`) whose message names the wrong option, e.g.
 *   "ArgosClientModule: option 'timeouts.requestMs' must be an integer between 1 and …"; its `cause` is
 *   the `ModuleOptionsError` (option path and rule apart).
 */
export function resolveArgosClientOptions(options: ArgosClientModuleOptions): ResolvedArgosClientOptions {
  const valid = validated(options);
  const { baseDelayMs, maxDelayMs } = valid.retry;
  return Object.freeze({
    baseUrl: new URL(valid.baseUrl).href.replace(/\/+$/, ''),
    // Non-enumerable so that logging or inspecting the resolved options never prints the key.
    projects: Object.freeze(
      valid.projects.map(({ name, apiKey }) =>
        Object.freeze(
          Object.defineProperty({ name } as ArgosProjectCredentials, 'apiKey', {
            value: apiKey,
            enumerable: false,
          }),
        ),
      ),
    ),
    defaultProject: valid.defaultProject ?? valid.projects[0].name,
    timeouts: Object.freeze({ ...valid.timeouts }),
    retry: Object.freeze({ ...valid.retry, maxDelayMs: maxDelayMs ?? Math.max(2_000, baseDelayMs) }),
    breaker: Object.freeze({ ...valid.breaker }),
    maxImageBytes: valid.maxImageBytes,
    maxResponseBytes: valid.maxResponseBytes,
    now: valid.now ?? Date.now,
    random: valid.random ?? Math.random,
    ...(options.observer ? { observer: options.observer } : {}),
  });
}

function validated(options: ArgosClientModuleOptions): ArgosClientOptionsSchema {
  try {
    return validateModuleOptions('ArgosClientModule', ArgosClientOptionsSchema, options);
  } catch (error) {
    if (!(error instanceof ModuleOptionsError)) throw error;
    const message = `ArgosClientModule: option '${error.option}' ${error.rule}`;
    throw Object.assign(new ArgosConfigError(ArgosConfigErrorCode.INVALID_OPTIONS, message), {
      cause: error,
    });
  }
}
