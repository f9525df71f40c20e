import { CommandRunner } from 'nest-commander';
import { CliUsageError } from '../errors/cli-usage.error';

/**
 * Parent of a group of subcommands (`faceauth keys create`). Commander only runs it when no known
 * subcommand was given, which is always a usage mistake.
 */
export abstract class CommandGroupCommand extends CommandRunner {
  protected constructor(
    private readonly group: string,
    private readonly subcommands: readonly string[],
  ) {
    super();
  }

  async run([unknown]: string[]): Promise<void> {
    const known = this.subcommands.join(', ');
    throw new CliUsageError(
      unknown === undefined
        ? `faceauth ${this.group} needs a subcommand: ${known}`
        : `unknown command "${this.group} ${unknown}" (expected one of: ${known})`,
    );
  }
}
