import { Injectable } from '@nestjs/common';
import type { WebhookDelivery } from './webhook-delivery.type';

/** Every webhook the sandbox produced, plus the drop/duplicate switches the control API arms. */
@Injectable()
export class WebhookDeliveryStore {
  private deliveries: WebhookDelivery[] = [];
  private sequence = 0;
  private dropRemaining = 0;
  private duplicate = { remaining: 0, times: 2 };

  nextId(): string {
    this.sequence += 1;
    return `wh_${String(this.sequence).padStart(6, '0')}`;
  }

  add(delivery: WebhookDelivery): WebhookDelivery {
    this.deliveries.push(delivery);
    return delivery;
  }

  list(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  find(id: string): WebhookDelivery | undefined {
    return this.deliveries.find((d) => d.id === id);
  }

  /** The next `count` webhooks are recorded as `dropped` and never sent. */
  dropNext(count: number): void {
    this.dropRemaining = count;
  }

  /** Each of the next `count` webhooks is sent `times` times in all (the extra copies are duplicates). */
  duplicateNext(count: number, times: number): void {
    this.duplicate = { remaining: count, times };
  }

  /** Consumes the switches for one new webhook: how many copies to send (0 = drop it). */
  takeCopies(): number {
    if (this.dropRemaining > 0) {
      this.dropRemaining -= 1;
      return 0;
    }
    if (this.duplicate.remaining > 0) {
      this.duplicate.remaining -= 1;
      return this.duplicate.times;
    }
    return 1;
  }

  switches(): { dropRemaining: number; duplicateRemaining: number; duplicateTimes: number } {
    return {
      dropRemaining: this.dropRemaining,
      duplicateRemaining: this.duplicate.remaining,
      duplicateTimes: this.duplicate.times,
    };
  }

  reset(): void {
    this.deliveries = [];
    this.sequence = 0;
    this.dropRemaining = 0;
    this.duplicate = { remaining: 0, times: 2 };
  }
}
