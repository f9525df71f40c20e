import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TargetPolicy } from './delivery/target-policy';
import { NotificationDispatcher } from './dispatch/notification-dispatcher';
import { NotificationEndpointService } from './endpoints/notification-endpoint.service';
import {
  NOTIFICATIONS_OPTIONS,
  NotificationsModuleOptions,
  resolveNotificationsOptions,
  ResolvedNotificationsOptions,
} from './notifications.options';
import {
  NOTIFICATIONS_MODULE_OPTIONS,
  NotificationsConfigurableModule,
} from './notifications.module-definition';
import { NotificationOutbox } from './outbox/notification-outbox';
import { NotificationEndpointEntity } from './persistence/notification-endpoint.entity';
import { NotificationOutboxEntity } from './persistence/notification-outbox.entity';
import { NotificationsRepository } from './persistence/notifications.repository';

/** The entities of this module, for the host's DataSource. */
export const NOTIFICATION_ENTITIES = [NotificationEndpointEntity, NotificationOutboxEntity];

/**
 * Signed outbound webhooks (Standard Webhooks) through a transactional outbox. Needs, from the host: a
 * DataSource holding {@link NOTIFICATION_ENTITIES} (migrated) and a `Clock`; optionally a
 * `NotificationMetrics` implementation. Producers call `NotificationOutbox.enqueue` in their transaction;
 * `NotificationDispatcher` sends; `NotificationEndpointService` manages endpoints.
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [
    {
      provide: NOTIFICATIONS_OPTIONS,
      useFactory: (o: NotificationsModuleOptions) => resolveNotificationsOptions(o),
      inject: [NOTIFICATIONS_MODULE_OPTIONS],
    },
    {
      provide: TargetPolicy,
      useFactory: (o: ResolvedNotificationsOptions) =>
        new TargetPolicy({ allowPrivateTargets: o.allowPrivateTargets, requireHttps: o.requireHttps }),
      inject: [NOTIFICATIONS_OPTIONS],
    },
    NotificationsRepository,
    NotificationOutbox,
    NotificationDispatcher,
    NotificationEndpointService,
  ],
  exports: [
    NotificationOutbox,
    NotificationDispatcher,
    NotificationEndpointService,
    TargetPolicy,
    NOTIFICATIONS_OPTIONS,
  ],
})
export class NotificationsModule extends NotificationsConfigurableModule {}
