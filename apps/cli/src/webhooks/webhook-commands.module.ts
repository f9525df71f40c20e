import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { ReconcileCommand } from './reconcile.command';
import { WebhooksReplayCommand } from './webhooks-replay.command';
import { WebhooksCommand } from './webhooks.command';

/** `faceauth reconcile` and `faceauth webhooks replay`: the webhook lib's inbox, drained explicitly. */
@Module({
  imports: [ServiceContextModule],
  providers: [ReconcileCommand, WebhooksCommand, WebhooksReplayCommand],
})
export class WebhookCommandsModule {}
