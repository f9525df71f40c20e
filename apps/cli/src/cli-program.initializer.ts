import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Command } from 'commander';
import { InjectCommander } from 'nest-commander';
import { CliConfig } from './cli.config';
import { addOfflineCommands } from './encryption/offline-commands';
import { applyCliConventions, describeProgram } from './program/cli-program.conventions';

/**
 * nest-commander's root program made the same as the offline one (program/offline.program.ts): name,
 * description, version, the offline commands first, then the service commands, then the conventions.
 */
@Injectable()
export class CliProgramInitializer implements OnApplicationBootstrap {
  constructor(
    @InjectCommander() private readonly program: Command,
    config: CliConfig,
  ) {
    // Here, not in onModuleInit: nest-commander's module is global, so its onModuleInit (which adds the
    // service commands) runs before any of ours, and help lists commands in the order they were added.
    describeProgram(program);
    addOfflineCommands(program, config);
  }

  /** Once nest-commander has built every command: one-line errors and exit statuses, tree-wide. */
  onApplicationBootstrap(): void {
    applyCliConventions(this.program);
  }
}
