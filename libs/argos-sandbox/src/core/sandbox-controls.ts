import type { INestApplicationContext } from '@nestjs/common';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { FaultScheduleStore } from '../faults/fault-schedule.store';
import { AuthRecordStore } from '../state/auth-record.store';
import { ProjectRegistry } from '../state/project.registry';
import { SubmissionStore } from '../state/submission.store';
import { CallStatsRecorder } from '../stats/call-stats.recorder';
import { WebhookDeliveryStore } from '../webhooks/webhook-delivery.store';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';
import { SandboxClock } from './sandbox-clock';
import { SandboxResetService } from './sandbox-reset.service';
import { SANDBOX_CONFIG } from './sandbox.tokens';

/**
 * In-process handles on the sandbox state, the typed twin of the `/__sandbox/*` control API for
 * tests that start the sandbox with `createSandboxApp()`.
 */
export interface SandboxControls {
  /** The resolved configuration the sandbox started with. */
  readonly config: SandboxConfig;
  readonly projects: ProjectRegistry;
  readonly submissions: SubmissionStore;
  readonly records: AuthRecordStore;
  readonly clock: SandboxClock;
  readonly faults: FaultScheduleStore;
  readonly stats: CallStatsRecorder;
  readonly webhooks: {
    store: WebhookDeliveryStore;
    dispatcher: WebhookDispatcher;
    /** Resolves when no delivery is pending or waiting for a retry. */
    whenIdle(timeoutMs?: number): Promise<boolean>;
  };
  /** Same as `POST /__sandbox/reset`. */
  reset(): void;
}

export function sandboxControls(app: INestApplicationContext): SandboxControls {
  const dispatcher = app.get(WebhookDispatcher);
  const resetter = app.get(SandboxResetService);
  return {
    config: app.get<SandboxConfig>(SANDBOX_CONFIG),
    projects: app.get(ProjectRegistry),
    submissions: app.get(SubmissionStore),
    records: app.get(AuthRecordStore),
    clock: app.get(SandboxClock),
    faults: app.get(FaultScheduleStore),
    stats: app.get(CallStatsRecorder),
    webhooks: {
      store: app.get(WebhookDeliveryStore),
      dispatcher,
      whenIdle: (timeoutMs) => dispatcher.whenIdle(timeoutMs),
    },
    reset: () => resetter.reset(),
  };
}
