export type WebhookMetricEvent = 'received' | 'duplicate' | 'rejected' | 'processed' | 'dead' | 'unverified';
export type TokenMetricEvent = 'minted' | 'consumed' | 'expired' | 'revoked';
export type CleanupMetricEvent = 'deleted' | 'failed';

/**
 * What the product counts, as a port: libs report events here and never know the metrics backend. The host
 * binds an implementation (the service uses Prometheus); without one, nothing is counted.
 */
export abstract class FaceAuthMetrics {
  abstract httpRequest(method: string, route: string, status: number, seconds: number): void;
  abstract webhook(event: WebhookMetricEvent, count?: number): void;
  abstract token(event: TokenMetricEvent, count?: number): void;
  abstract cleanup(event: CleanupMetricEvent, count?: number): void;
  abstract cleanupOverdue(rows: number): void;
  /** The exposition text (e.g. Prometheus format) and its content type. */
  abstract render(): Promise<{ contentType: string; body: string }>;
}

/** Counts nothing; the default when a lib runs without a host-provided implementation. */
export class NoopFaceAuthMetrics extends FaceAuthMetrics {
  httpRequest(): void {}
  webhook(): void {}
  token(): void {}
  cleanup(): void {}
  cleanupOverdue(): void {}
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: 'text/plain; version=0.0.4', body: '' };
  }
}

export const NOOP_METRICS: FaceAuthMetrics = new NoopFaceAuthMetrics();
