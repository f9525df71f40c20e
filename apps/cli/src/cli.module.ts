import { Module } from '@nestjs/common';
import { CliProgramInitializer } from './cli-program.initializer';
import { EncryptionCommandsModule } from './encryption/encryption-commands.module';

/**
 * Root of the `faceauth` CLI. Each feature contributes a module of `*.command.ts` providers: add yours to
 * `imports` (keys, links, cleanup, reconcile, …). Commands are discovered by nest-commander.
 */
@Module({
  imports: [EncryptionCommandsModule],
  providers: [CliProgramInitializer],
})
export class CliModule {}
