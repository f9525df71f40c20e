import { Inject, Injectable } from '@nestjs/common';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher';

/** Any in-memory state that `POST /__sandbox/reset` returns to its start value. */
export interface ResettableState {
  reset(): void;
}

/** Multi-provider listing every `ResettableState` (assembled in `SandboxModule`). */
export const RESETTABLE_STATES = Symbol('RESETTABLE_STATES');

/** Returns the whole sandbox to its initial state: config projects, seeds, clock, empty history. */
@Injectable()
export class SandboxResetService {
  constructor(
    @Inject(RESETTABLE_STATES) private readonly states: ResettableState[],
    private readonly webhooks: WebhookDispatcher,
  ) {}

  reset(): void {
    // Pending retries would otherwise deliver history that no longer exists.
    this.webhooks.cancelAll();
    this.states.forEach((state) => state.reset());
  }
}
