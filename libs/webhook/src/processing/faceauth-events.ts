import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { FaceAuthRecord } from '@faceauth/argos-client';
import { PolicyViolation, ResultIdentity } from '@faceauth/results';
import { LinkMetadata, LinkOutcome } from '@faceauth/token-policy';

/** Emitted once a FaceAuth result is stored (from a webhook, reconciliation or a direct submission). */
export const FACEAUTH_RESULT_EVENT = 'faceauth.result';
/** Emitted once a token expiry reported by Argos is recorded. */
export const FACEAUTH_TOKEN_EXPIRED_EVENT = 'faceauth.token-expired';

export interface FaceAuthResultEvent {
  project: string;
  /** What Argos says (its records carry no person: see `identity`). */
  record: FaceAuthRecord;
  /** Whose result it is and through which link, with where that came from; null when unknown. */
  identity: ResultIdentity | null;
  source: string;
  /** Whether a use of the link's token was recorded now (false for unknown tokens or repeats). */
  tokenUseRecorded: boolean;
  /** The company's own reference of the link the result came through; null without a (verified) link. */
  clientReference: string | null;
  /** The company's own context of that link; `{}` without a (verified) link or when it has none. */
  metadata: LinkMetadata;
  /** Why the result did not count for its link (it is stored all the same); null when it counted or had none. */
  policyViolation: PolicyViolation | null;
  /** The outcome of the (verified) link after this result; null without one. Act on this, not `record.status`. */
  outcome: LinkOutcome | null;
}

export interface FaceAuthTokenExpiredEvent {
  tokenId: string;
  condition: 'count' | 'time';
  at: Date;
  /** The company's own reference of the token's link; null when it has none or the token is not ours. */
  clientReference: string | null;
  /** The company's own context of the token's link; `{}` when it has none or the token is not ours. */
  metadata: LinkMetadata;
}

/**
 * Tells host code what happened, through `@nestjs/event-emitter` when the host has it (subscribe with
 * `@OnEvent('faceauth.result')`). Events of a webhook are emitted once the unit that stored its result has
 * committed (with the other rows of its batch), so a host sees only what is stored, and before its inbox row
 * is marked done: delivery is at least once (a crash in between repeats the event).
 */
@Injectable()
export class FaceAuthEventPublisher {
  constructor(@Optional() private readonly emitter?: EventEmitter2) {}

  async result(event: FaceAuthResultEvent): Promise<void> {
    await this.emitter?.emitAsync(FACEAUTH_RESULT_EVENT, event);
  }

  async tokenExpired(event: FaceAuthTokenExpiredEvent): Promise<void> {
    await this.emitter?.emitAsync(FACEAUTH_TOKEN_EXPIRED_EVENT, event);
  }
}
