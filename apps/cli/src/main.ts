#!/usr/bin/env node
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { reportCliError, toOneLine } from './errors/cli-error.reporter';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    cliName: 'faceauth',
    // No Nest bootstrap logs: stdout carries results, stderr exactly one line per failure.
    logger: false,
    serviceErrorHandler: reportCliError,
    outputConfiguration: { outputError: (message, write) => write(`${toOneLine(message)}\n`) },
  });
}

main().catch(reportCliError);
