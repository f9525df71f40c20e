import { ArgosCallObserver } from '@faceauth/argos-client';
import { CleanupMetricEvent, FaceAuthMetrics, TokenMetricEvent, WebhookMetricEvent } from '@faceauth/core';
import { NotificationMetricEvent } from '@faceauth/notifications';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const CIRCUIT_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * The product's metrics in Prometheus format, with the process's default series, in a registry of its own
 * (several instances may live in one process, as in tests). Labels never carry ids, tokens or personal data.
 */
export class PrometheusFaceAuthMetrics extends FaceAuthMetrics implements ArgosCallObserver {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'faceauth_http_request_duration_seconds',
    help: 'HTTP requests by route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly argosCalls = new Counter({
    name: 'faceauth_argos_calls_total',
    help: 'Argos Add-on API calls by project, operation and outcome (success or error code)',
    labelNames: ['project', 'operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly argosRetries = new Counter({
    name: 'faceauth_argos_retries_total',
    help: 'Extra HTTP attempts spent retrying Argos calls',
    labelNames: ['project', 'operation'],
    registers: [this.registry],
  });
  private readonly circuit = new Gauge({
    name: 'faceauth_argos_circuit_state',
    help: 'Argos circuit breaker per project: 0 closed, 1 half-open, 2 open',
    labelNames: ['project'],
    registers: [this.registry],
  });
  private readonly webhooks = new Counter({
    name: 'faceauth_webhooks_total',
    help: 'Webhooks received, duplicate, rejected, processed, dead',
    labelNames: ['event'],
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'faceauth_tokens_total',
    help: 'Tokens minted, consumed, expired, revoked',
    labelNames: ['event'],
    registers: [this.registry],
  });
  private readonly cleanups = new Counter({
    name: 'faceauth_cleanup_deletions_total',
    help: 'Scheduled cleanup deletions by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly notifications = new Counter({
    name: 'faceauth_notifications_total',
    help: 'Outbound webhook deliveries: enqueued, delivered, retried, failed, endpoint_disabled',
    labelNames: ['event'],
    registers: [this.registry],
  });
  private readonly overdue = new Gauge({
    name: 'faceauth_cleanup_overdue',
    help: 'Results past their retention deadline (must be 0)',
    registers: [this.registry],
  });

  constructor(projects: readonly string[] = []) {
    super();
    // Process and runtime series (CPU, memory, event loop lag, GC, handles), named like the product's own.
    collectDefaultMetrics({ register: this.registry, prefix: 'faceauth_' });
    for (const project of projects) this.circuit.set({ project }, 0);
    for (const event of ['received', 'duplicate', 'rejected', 'processed', 'dead', 'unverified'])
      this.webhooks.inc({ event }, 0);
    for (const event of ['minted', 'consumed', 'expired', 'revoked']) this.tokens.inc({ event }, 0);
    for (const outcome of ['deleted', 'failed']) this.cleanups.inc({ outcome }, 0);
    for (const event of NOTIFICATION_EVENTS) this.notifications.inc({ event }, 0);
  }

  /** The outbound webhooks' port (`NotificationMetrics` of @faceauth/notifications). */
  notification(event: NotificationMetricEvent, count = 1): void {
    this.notifications.inc({ event }, count);
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  webhook(event: WebhookMetricEvent, count = 1): void {
    this.webhooks.inc({ event }, count);
  }

  token(event: TokenMetricEvent, count = 1): void {
    this.tokens.inc({ event }, count);
  }

  cleanup(event: CleanupMetricEvent, count = 1): void {
    this.cleanups.inc({ outcome: event }, count);
  }

  cleanupOverdue(rows: number): void {
    this.overdue.set(rows);
  }

  callCompleted(project: string, operation: string, outcome: string, attempts: number): void {
    this.argosCalls.inc({ project, operation, outcome });
    if (attempts > 1) this.argosRetries.inc({ project, operation }, attempts - 1);
  }

  circuitChanged(project: string, state: 'closed' | 'open' | 'half-open'): void {
    this.circuit.set({ project }, CIRCUIT_VALUE[state]);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

const NOTIFICATION_EVENTS: readonly NotificationMetricEvent[] = [
  'enqueued',
  'delivered',
  'retried',
  'failed',
  'endpoint_disabled',
];
