import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { SandboxConfig } from '../config/sandbox-config.type';
import { SandboxClock } from '../core/sandbox-clock';
import { InjectSandboxConfig } from '../core/sandbox.tokens';
import type { SandboxProject } from '../state/project.registry';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import type { DeliveryAttempt, WebhookDelivery } from './webhook-delivery.type';
import type { WebhookPayload } from './webhook-payload.builder';
import type { DueWebhook } from './webhook-order';

/**
 * Sends webhooks to the project's URL and retries failures (non-2xx or network error) with a
 * bounded exponential backoff. Delays run on real time, not the sandbox clock: they pace traffic.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();

  constructor(
    @InjectSandboxConfig() private readonly config: SandboxConfig,
    private readonly store: WebhookDeliveryStore,
    private readonly clock: SandboxClock,
  ) {}

  /** Records and (unless dropped or URL-less) sends one webhook; returns every delivery created. */
  send(project: SandboxProject, event: WebhookDelivery['event'], payload: WebhookPayload): WebhookDelivery[] {
    return this.sendInOrder(project, [{ event, payload }]);
  }

  /**
   * Records several webhooks at once, then starts each only when the previous one's first attempt
   * has ended (answered, failed or timed out), so a receiver gets them in this order. Retries
   * run on their own timers and do not hold the next webhook back.
   */
  sendInOrder(project: SandboxProject, due: DueWebhook[]): WebhookDelivery[] {
    const batches = due.map((d) => this.prepare(project, d.event, d.payload));
    void this.startInSequence(batches);
    return batches.flat();
  }

  /** Sends an earlier webhook's exact body again, as a new delivery, to the project's current URL. */
  resend(original: WebhookDelivery, project: SandboxProject | undefined): WebhookDelivery {
    const url = project?.webhookUrl ?? original.url;
    const { pid, event, payload, body, encrypted } = original;
    const delivery = this.record(
      { pid, event, url, payload, body, encrypted, resendOf: original.id },
      url ? 'pending' : 'skipped',
    );
    if (url) void this.attempt(delivery);
    return delivery;
  }

  /** Resolves once no delivery is pending or waiting for a retry (for tests and the control API). */
  async whenIdle(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.store.list().some((d) => d.status === 'pending' || d.status === 'retrying')) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  /** Stops retries and in-flight requests (reset and shutdown). */
  cancelAll(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
  }

  onModuleDestroy(): void {
    this.cancelAll();
  }

  private prepare(
    project: SandboxProject,
    event: WebhookDelivery['event'],
    payload: WebhookPayload,
  ): WebhookDelivery[] {
    const body = project.secureTransmission
      ? JSON.stringify({ data: project.codec.cipher.encrypt(JSON.stringify(payload)) })
      : JSON.stringify(payload);
    const base = {
      pid: project.pid,
      event,
      url: project.webhookUrl,
      payload,
      body,
      encrypted: project.secureTransmission,
    };
    if (!project.webhookUrl) return [this.record(base, 'skipped')];
    const copies = this.store.takeCopies();
    if (copies === 0) return [this.record(base, 'dropped')];
    const first = this.record(base, 'pending');
    const all = [first];
    for (let i = 1; i < copies; i++) all.push(this.record({ ...base, duplicateOf: first.id }, 'pending'));
    return all;
  }

  private async startInSequence(batches: WebhookDelivery[][]): Promise<void> {
    const signal = this.abort.signal;
    for (const batch of batches) {
      if (signal.aborted) return; // reset or shutdown: the rest no longer matters
      await Promise.all(batch.filter((d) => d.status === 'pending').map((d) => this.attempt(d)));
    }
  }

  private record(
    fields: Omit<WebhookDelivery, 'id' | 'status' | 'attempts' | 'createdAt'>,
    status: WebhookDelivery['status'],
  ): WebhookDelivery {
    const id = this.store.nextId();
    return this.store.add({ ...fields, id, status, attempts: [], createdAt: this.clock.now().toISOString() });
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    const signal = this.abort.signal;
    const outcome = await this.post(delivery, signal);
    if (signal.aborted) return; // reset or shutdown: the delivery no longer matters
    delivery.attempts.push(outcome);
    const ok = outcome.statusCode !== undefined && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const retry = this.config.webhookRetry;
    if (ok) {
      delivery.status = 'delivered';
    } else if (delivery.attempts.length >= retry.maxAttempts) {
      delivery.status = 'failed';
      this.logger.warn(
        `webhook ${delivery.id} to ${delivery.url} failed after ${delivery.attempts.length} attempts`,
      );
    } else {
      delivery.status = 'retrying';
      const delay = Math.min(
        retry.maxDelayMs,
        retry.initialDelayMs * retry.backoffFactor ** (delivery.attempts.length - 1),
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(delivery);
      }, delay);
      this.timers.add(timer);
    }
  }

  private async post(delivery: WebhookDelivery, signal: AbortSignal): Promise<DeliveryAttempt> {
    const at = this.clock.now().toISOString();
    const started = Date.now();
    try {
      const response = await fetch(delivery.url as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'argos-sandbox-webhook' },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.config.webhookRetry.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined); // free the socket
      return { at, statusCode: response.status, durationMs: Date.now() - started };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { at, error: cause ?? (error as Error).name, durationMs: Date.now() - started };
    }
  }
}
