import { CommandFactory } from 'nest-commander';
import { CliModule } from '../cli.module';
import { reportCliError } from '../errors/cli-error.reporter';

/** The commands that work on the service: the whole Nest graph, through nest-commander. */
export async function runServiceCli(): Promise<void> {
  try {
    await CommandFactory.run(CliModule, {
      // No Nest bootstrap logs: stdout carries results, stderr exactly one line per failure.
      logger: false,
      serviceErrorHandler: reportCliError,
    });
  } catch (error) {
    // A failure to build the command graph itself, before commander parses anything.
    reportCliError(error);
  }
}
