import { Injectable } from '@nestjs/common';
import { Clock } from '@faceauth/core';
import { WebhookInboxRepository } from '@faceauth/webhook';
import {
  DEFAULT_HEALTH_TIMEOUT_MS,
  FaceAuthHealthFailure,
  FaceAuthHealthResult,
  healthResult,
  measured,
} from './health-indicator-result';

export interface WebhookInboxHealthOptions {
  /** Down when the oldest unsettled row arrived longer ago than this (default 900 s, 15 minutes). */
  maxOldestPendingSeconds?: number;
  /** Down when more rows than this wait (default 10,000). */
  maxPending?: number;
  /** Bound of the query (default 2,000 ms). */
  timeoutMs?: number;
}

export type WebhookInboxHealthDetails = { maxOldestPendingSeconds: number; maxPending: number } & (
  | {
      /** Rows the processor has not settled yet (pending, or processing). */
      pending: number;
      /** Age of the oldest of them, in whole seconds; null when there is none. */
      oldestPendingSeconds: number | null;
    }
  | FaceAuthHealthFailure
);

export const DEFAULT_MAX_OLDEST_PENDING_SECONDS = 900;
export const DEFAULT_MAX_PENDING = 10_000;

/**
 * The webhook inbox's backlog: how many rows wait for the processor and how long the oldest has waited. A
 * backlog that ages means the processor is stopped, failing, or slower than the traffic. One COUNT/MIN over the
 * unsettled rows only (index on status).
 */
@Injectable()
export class WebhookInboxIndicator {
  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly clock: Clock,
  ) {}

  async isHealthy<const Key extends string>(
    key: Key,
    options: WebhookInboxHealthOptions = {},
  ): Promise<FaceAuthHealthResult<Key, WebhookInboxHealthDetails>> {
    const maxOldestPendingSeconds = options.maxOldestPendingSeconds ?? DEFAULT_MAX_OLDEST_PENDING_SECONDS;
    const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    const thresholds = { maxOldestPendingSeconds, maxPending };
    const backlog = await measured(
      () => this.inbox.backlog(),
      options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    );
    if (!('value' in backlog)) return healthResult(key, false, { ...thresholds, reason: backlog.reason });
    const { count, oldestReceivedAt } = backlog.value;
    const oldestPendingSeconds =
      oldestReceivedAt === null
        ? null
        : Math.max(0, Math.floor((this.clock.now().getTime() - oldestReceivedAt.getTime()) / 1000));
    const up = count <= maxPending && (oldestPendingSeconds ?? 0) <= maxOldestPendingSeconds;
    return healthResult(key, up, { pending: count, oldestPendingSeconds, ...thresholds });
  }
}
