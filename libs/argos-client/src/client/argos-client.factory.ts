import { ResolvedArgosClientOptions } from '../config/argos-client-options.interface';
import { unknownProjectError } from '../errors/argos-config.error';
import { createArgosAxiosInstance } from '../http/argos-axios.factory';
import { AxiosArgosTransport } from '../http/argos-http.transport';
import { ArgosTransport } from '../http/argos-transport.interface';
import { ArgosClient } from './argos-client';

/**
 * The HTTP transport of the Argos client without Nest (CLI, scripts, tests): one keep-alive pool.
 * Share it between clients; call `close()` when done.
 */
export function createArgosTransport(options: ResolvedArgosClientOptions): ArgosTransport {
  return new AxiosArgosTransport(createArgosAxiosInstance(options));
}

/**
 * A client for one configured project, without Nest.
 *
 * @param options the output of `resolveArgosClientOptions`
 * @param project a configured project name; default `options.defaultProject`
 * @param transport defaults to a new {@link createArgosTransport}; pass one to share its socket pool
 * @throws ArgosConfigError `ARGOS_UNKNOWN_PROJECT` when `project` is not configured
 */
export function createArgosClient(
  options: ResolvedArgosClientOptions,
  project: string = options.defaultProject,
  transport: ArgosTransport = createArgosTransport(options),
): ArgosClient {
  const credentials = options.projects.find((candidate) => candidate.name === project);
  if (credentials === undefined)
    throw unknownProjectError(
      project,
      options.projects.map((p) => p.name),
    );
  return new ArgosClient(credentials.name, credentials.apiKey, options, transport);
}
