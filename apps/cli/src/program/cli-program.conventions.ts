import type { Command } from 'commander';
import { toOneLine } from '../errors/cli-failure';
import { cliVersion } from './cli.version';

export const CLI_NAME = 'faceauth';
export const CLI_DESCRIPTION =
  'Argos FaceAuth tools: encrypt, decrypt and build Face Auth URLs; operate the service (keys, links, results, reconcile, webhooks, endpoints, deliveries, cleanup)';

/** Name, description and `--version` of the root program, on either path. */
export function describeProgram(program: Command): void {
  program.name(CLI_NAME).description(CLI_DESCRIPTION).version(cliVersion());
}

/**
 * What every command of the tree does alike, on either path: a commander error is one stderr line, and
 * it is thrown instead of exiting, so the error reporter picks the exit code (usage errors exit 2).
 * Commander does not pass these settings to commands built apart and added with `addCommand`.
 */
export function applyCliConventions(command: Command): void {
  command.configureOutput({ outputError: (message, write) => write(`${toOneLine(message)}\n`) });
  command.exitOverride((error) => {
    throw error;
  });
  for (const sub of command.commands) applyCliConventions(sub);
}
