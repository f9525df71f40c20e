#!/usr/bin/env node
import { reportOfflineError } from './errors/cli-failure';
import { needsService } from './program/cli-route';

/**
 * Only the commands that work on the service pay for booting Nest (about 1.5 s): the rest is loaded
 * lazily, by path, so `--help` or `encrypt` never reads nest-commander or @nestjs/* from disk.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (needsService(argv, process.env)) {
    const { runServiceCli } = await import('./program/service-cli.runner.js');
    await runServiceCli();
  } else {
    const { runOfflineCli } = await import('./program/offline-cli.runner.js');
    await runOfflineCli(argv, process.env);
  }
}

main().catch(reportOfflineError);
