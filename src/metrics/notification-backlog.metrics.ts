import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock, FaceAuthMetrics } from '@faceauth/core';
import { NotificationOutbox } from '@faceauth/notifications';
import { PrometheusFaceAuthMetrics } from './prometheus.metrics';

/**
 * The outbound webhooks' backlog, read from the outbox when `/metrics` is scraped (one indexed statement):
 * deliveries not settled yet, and how long the earliest due one has waited. A failed read (database down)
 * leaves the previous values: the scrape itself never fails.
 */
@Injectable()
export class NotificationBacklogMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: FaceAuthMetrics,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!(this.metrics instanceof PrometheusFaceAuthMetrics)) return;
    const registers = [this.metrics.registry];
    const overdue = new Gauge({
      name: 'faceauth_notifications_oldest_due_seconds',
      help: 'How long the earliest due outbound webhook delivery has waited (0 when none is due)',
      registers,
    });
    const { outbox, clock } = this;
    new Gauge({
      name: 'faceauth_notifications_backlog',
      help: 'Outbound webhook deliveries not settled yet (pending or being delivered)',
      registers,
      async collect() {
        try {
          const backlog = await outbox.backlog();
          this.set(backlog.waiting);
          const oldest = backlog.oldestNextAttemptAt?.getTime();
          overdue.set(oldest === undefined ? 0 : Math.max(0, (clock.now().getTime() - oldest) / 1000));
        } catch {
          // Keep the last values; the database outage shows in the pool gauges and /health/ready.
        }
      },
    });
  }
}
