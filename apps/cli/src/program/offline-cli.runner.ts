import { loadCliConfig } from '../cli.config';
import { reportOfflineError } from '../errors/cli-failure';
import { buildOfflineProgram } from './offline.program';

/** `--help`, `--version`, encrypt, decrypt, url and usage mistakes: answered without loading Nest. */
export async function runOfflineCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await buildOfflineProgram(loadCliConfig(env)).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    reportOfflineError(error);
  }
}
