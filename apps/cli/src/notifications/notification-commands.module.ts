import { Module } from '@nestjs/common';
import { ServiceContextModule } from '../context/service-context.module';
import { DeliveriesListCommand } from './deliveries-list.command';
import { DeliveriesReplayCommand } from './deliveries-replay.command';
import { DeliveriesCommand } from './deliveries.command';
import { EndpointsAddCommand } from './endpoints-add.command';
import { EndpointsListCommand } from './endpoints-list.command';
import { EndpointsRemoveCommand } from './endpoints-remove.command';
import { EndpointsRotateCommand } from './endpoints-rotate.command';
import { EndpointsDisableCommand, EndpointsEnableCommand } from './endpoints-toggle.command';
import { EndpointsCommand } from './endpoints.command';

/**
 * `faceauth endpoints add | list | rotate | remove | enable | disable` and `faceauth deliveries list | replay`:
 * the notifications lib's outbound webhook endpoints and their outbox, on the service's database. The CLI
 * never sends (its context runs without the dispatcher): a replay re-queues, the running service delivers.
 */
@Module({
  imports: [ServiceContextModule],
  providers: [
    EndpointsCommand,
    EndpointsAddCommand,
    EndpointsListCommand,
    EndpointsRotateCommand,
    EndpointsRemoveCommand,
    EndpointsEnableCommand,
    EndpointsDisableCommand,
    DeliveriesCommand,
    DeliveriesListCommand,
    DeliveriesReplayCommand,
  ],
})
export class NotificationCommandsModule {}
