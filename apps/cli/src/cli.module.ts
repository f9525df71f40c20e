import { Module } from '@nestjs/common';
import { CleanupCommandsModule } from './cleanup/cleanup-commands.module';
import { cliConfigProvider } from './cli.config';
import { CliProgramInitializer } from './cli-program.initializer';
import { KeysCommandsModule } from './keys/keys-commands.module';
import { LinksCommandsModule } from './links/links-commands.module';
import { NotificationCommandsModule } from './notifications/notification-commands.module';
import { ResultsCommandsModule } from './results/results-commands.module';
import { WebhookCommandsModule } from './webhooks/webhook-commands.module';

/**
 * Root of the `faceauth` CLI's service commands. Each feature contributes a module of `*.command.ts`
 * providers: add yours to `imports`, and its help entry to program/service-command.catalogue.ts.
 * encrypt, decrypt and url are plain commander commands (encryption/offline-commands.ts).
 */
@Module({
  imports: [
    KeysCommandsModule,
    LinksCommandsModule,
    ResultsCommandsModule,
    WebhookCommandsModule,
    NotificationCommandsModule,
    CleanupCommandsModule,
  ],
  providers: [cliConfigProvider, CliProgramInitializer],
})
export class CliModule {}
