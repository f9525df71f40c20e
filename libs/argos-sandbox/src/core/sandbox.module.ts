import { DynamicModule, Module } from '@nestjs/common';
import { FaceAuthAttemptService } from '../attempts/faceauth-attempt.service';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { ControlRuntimeController } from '../control/control-runtime.controller';
import { ControlStateController } from '../control/control-state.controller';
import { ControlWebhooksController } from '../control/control-webhooks.controller';
import { FaultScheduleStore } from '../faults/fault-schedule.store';
import { FaultInjector } from '../faults/fault.injector';
import { HostedPageController } from '../hosted/hosted-page.controller';
import { OutboundReceiverController } from '../outbound/outbound-receiver.controller';
import { OutboundReceiverStore } from '../outbound/outbound-receiver.store';
import { HostedPageService } from '../hosted/hosted-page.service';
import { TokenExpiryService } from '../hosted/token-expiry.service';
import { ArgosGatewayGuard } from '../rest/argos-gateway.guard';
import { SandboxFaceAuthController } from '../rest/sandbox-faceauth.controller';
import { SandboxFaceAuthService } from '../rest/sandbox-faceauth.service';
import { AuthRecordStore } from '../state/auth-record.store';
import { ProjectRegistry } from '../state/project.registry';
import { SubmissionStore } from '../state/submission.store';
import { TokenUsageStore } from '../state/token-usage.store';
import { CallStatsRecorder } from '../stats/call-stats.recorder';
import { WebhookDeliveryStore } from '../webhooks/webhook-delivery.store';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';
import { SandboxClock } from './sandbox-clock';
import { RESETTABLE_STATES, ResettableState, SandboxResetService } from './sandbox-reset.service';
import { SANDBOX_CONFIG } from './sandbox.tokens';

// Every in-memory state; the reset service returns each to its start value.
const STATES = [
  SandboxClock,
  ProjectRegistry,
  SubmissionStore,
  AuthRecordStore,
  TokenUsageStore,
  WebhookDeliveryStore,
  FaultScheduleStore,
  CallStatsRecorder,
  OutboundReceiverStore,
];

/** The whole Argos emulator: REST API, hosted page, webhooks, faults and the control API. */
@Module({})
export class SandboxModule {
  static forRoot(config: SandboxConfig): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [
        SandboxFaceAuthController,
        HostedPageController,
        ControlStateController,
        ControlRuntimeController,
        ControlWebhooksController,
        OutboundReceiverController,
      ],
      providers: [
        { provide: SANDBOX_CONFIG, useValue: config },
        ...STATES,
        { provide: RESETTABLE_STATES, useFactory: (...states: ResettableState[]) => states, inject: STATES },
        SandboxResetService,
        WebhookDispatcher,
        TokenExpiryService,
        FaceAuthAttemptService,
        SandboxFaceAuthService,
        HostedPageService,
        ArgosGatewayGuard,
        FaultInjector,
      ],
    };
  }
}
