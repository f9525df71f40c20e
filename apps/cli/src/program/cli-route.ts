import { SERVICE_COMMAND_NAMES } from './service-command.catalogue';

/** Set to `off` to run every command through nest-commander (a debugging aid; help output must not differ). */
export const FAST_PATH_ENV = 'FACEAUTH_CLI_FAST_PATH';

/**
 * Whether argv (without node and the script) names a command that needs the service context. Everything
 * else (`--help`, `--version`, encrypt, decrypt, url, a typo) is answered without loading Nest.
 */
export function needsService(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (env[FAST_PATH_ENV] === 'off') return true;
  const [first, second] = argv;
  const command = first === 'help' ? second : first;
  return command !== undefined && SERVICE_COMMAND_NAMES.has(command);
}
