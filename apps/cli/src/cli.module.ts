import { Module } from '@nestjs/common';
import { CleanupCommandsModule } from './cleanup/cleanup-commands.module';
import { CliProgramInitializer } from './cli-program.initializer';
import { EncryptionCommandsModule } from './encryption/encryption-commands.module';
import { KeysCommandsModule } from './keys/keys-commands.module';
import { LinksCommandsModule } from './links/links-commands.module';
import { ResultsCommandsModule } from './results/results-commands.module';
import { WebhookCommandsModule } from './webhooks/webhook-commands.module';

/**
 * Root of the `faceauth` CLI. Each feature contributes a module of `*.command.ts` providers: add yours to
 * `imports` (keys, links, cleanup, reconcile, …). Commands are discovered by nest-commander.
 */
@Module({
  imports: [
    EncryptionCommandsModule,
    KeysCommandsModule,
    LinksCommandsModule,
    ResultsCommandsModule,
    WebhookCommandsModule,
    CleanupCommandsModule,
  ],
  providers: [CliProgramInitializer],
})
export class CliModule {}
