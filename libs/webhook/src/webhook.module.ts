import { OutboundEventWriter } from './processing/outbound-events';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookInboxEntity } from './inbox/webhook-inbox.entity';
import { WebhookInboxRepository } from './inbox/webhook-inbox.repository';
import { WebhookAuthenticityChecker } from './intake/webhook-authenticity.checker';
import { WebhookIntakeService } from './intake/webhook-intake.service';
import { FaceAuthEventPublisher } from './processing/faceauth-events';
import { InboxEventHandler } from './processing/inbox-event.handler';
import { ProjectResolver } from './processing/project-resolver';
import { ResultIdentityResolver } from './processing/result-identity.resolver';
import { VerificationLookupService } from './processing/verification-lookup.service';
import { WebhookProcessor } from './processing/webhook-processor';
import { WebhookReconciler } from './reconcile/webhook-reconciler';
import { WEBHOOK_MODULE_OPTIONS, WebhookConfigurableModule } from './webhook.module-definition';
import { resolveWebhookOptions, WEBHOOK_OPTIONS, WebhookModuleOptions } from './webhook.options';

/**
 * Argos webhooks: intake, inbox, processor, reconciliation. Needs, from the host: a DataSource holding
 * {@link WebhookInboxEntity} and the results entity, a `Clock`, `FaceAuthUrlService`, `ArgosClientRegistry`,
 * `ResultRepository` and `TokenUsagePort`; optionally `EventEmitter2` for host events.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookInboxEntity])],
  providers: [
    {
      provide: WEBHOOK_OPTIONS,
      useFactory: (o: WebhookModuleOptions) => resolveWebhookOptions(o),
      inject: [WEBHOOK_MODULE_OPTIONS],
    },
    WebhookInboxRepository,
    WebhookAuthenticityChecker,
    WebhookIntakeService,
    FaceAuthEventPublisher,
    VerificationLookupService,
    ProjectResolver,
    ResultIdentityResolver,
    InboxEventHandler,
    OutboundEventWriter,
    WebhookProcessor,
    WebhookReconciler,
  ],
  exports: [
    WebhookIntakeService,
    WebhookInboxRepository,
    WebhookProcessor,
    WebhookReconciler,
    FaceAuthEventPublisher,
    WEBHOOK_OPTIONS,
  ],
})
export class WebhookModule extends WebhookConfigurableModule {}
