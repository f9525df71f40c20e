import { Command, Help } from 'commander';
import { CliConfig } from '../cli.config';
import { addOfflineCommands } from '../encryption/offline-commands';
import { applyCliConventions, describeProgram } from './cli-program.conventions';
import { SERVICE_COMMANDS } from './service-command.catalogue';

/**
 * The whole program as the offline path knows it: encrypt, decrypt and url for real, the service commands
 * as help entries only (main.ts hands those to nest-commander before this program ever parses them).
 */
export function buildOfflineProgram(config: CliConfig): Command {
  const program = new Command();
  describeProgram(program);
  addOfflineCommands(program, config);
  for (const summary of Object.values(SERVICE_COMMANDS))
    program.command(summary.name).description(summary.description);
  const withOptions = new Set<string>(
    Object.values(SERVICE_COMMANDS)
      .filter((summary) => summary.hasOptions)
      .map((summary) => summary.name),
  );
  const help = new Help();
  // Help shows `name [options]` for a command with flags: those flags are declared on the service path.
  program.configureHelp({
    subcommandTerm: (command) =>
      withOptions.has(command.name()) ? `${command.name()} [options]` : help.subcommandTerm(command),
  });
  applyCliConventions(program);
  return program;
}
