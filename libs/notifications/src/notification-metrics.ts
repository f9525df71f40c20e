export type NotificationMetricEvent = 'enqueued' | 'delivered' | 'retried' | 'failed' | 'endpoint_disabled';

/**
 * What the notifications feature counts. Core's `FaceAuthMetrics` port has no outbound-webhook events, so
 * this lib has its own port: a host binds an implementation to this class (e.g. Prometheus counters);
 * without one nothing is counted.
 */
export abstract class NotificationMetrics {
  abstract notification(event: NotificationMetricEvent, count?: number): void;
}

export class NoopNotificationMetrics extends NotificationMetrics {
  notification(): void {}
}

export const NOOP_NOTIFICATION_METRICS: NotificationMetrics = new NoopNotificationMetrics();
