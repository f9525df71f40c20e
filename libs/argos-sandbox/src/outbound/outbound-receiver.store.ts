import { Injectable } from '@nestjs/common';
import type { ResettableState } from '../core/sandbox-reset.service';

/** One outbound webhook the company's faceauth sent to the sandbox, as received. */
export interface OutboundReception {
  webhookId: string | null;
  type: string | null;
  receivedAt: string;
  /** Whether its `webhook-signature` verified with the secret set (false without one). */
  verified: boolean;
  /** Why it did not verify; null when it did. */
  problem: string | null;
  /** The parsed body (`{type, timestamp, data}`), null when it was not JSON. */
  event: unknown;
}

const KEPT = 200;

/**
 * The sandbox's small receiver of faceauth's signed outbound webhooks (Standard Webhooks), for the demo:
 * the endpoint secret it verifies with, and the last {@link KEPT} receptions, newest last.
 */
@Injectable()
export class OutboundReceiverStore implements ResettableState {
  private secret: string | null = null;
  private readonly receptions: OutboundReception[] = [];

  setSecret(secret: string | null): void {
    this.secret = secret;
  }

  currentSecret(): string | null {
    return this.secret;
  }

  add(reception: OutboundReception): void {
    this.receptions.push(reception);
    if (this.receptions.length > KEPT) this.receptions.splice(0, this.receptions.length - KEPT);
  }

  list(): readonly OutboundReception[] {
    return this.receptions;
  }

  reset(): void {
    this.secret = null;
    this.receptions.length = 0;
  }
}
