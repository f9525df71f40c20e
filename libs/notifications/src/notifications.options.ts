import { Inject } from '@nestjs/common';
import { OptionGroup, OptionRange, OptionRule, validateModuleOptions } from '@faceauth/core';
import { IsBoolean } from 'class-validator';

/** An event type: `faceauth.result`, `link.expired`… */
export const EVENT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The spec's suggested schedule: the waits before attempts 2…8 (ms). */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

class DeliveryOptions {
  /** Per attempt: connection, answer and the (capped) body read. */
  @OptionRange(1, 300_000) timeoutMs = 10_000;
  /** How long a claimed delivery stays reserved for its worker; longer than an attempt can take. */
  @OptionRange('timeoutMs', Infinity) leaseMs = 60_000;
  /** The waits before attempts 2, 3, …; a delivery is `failed` after `retryScheduleMs.length + 1` attempts. */
  @OptionRule('must be a list of whole numbers ≥ 1 (ms)', (v: unknown[]) =>
    v.every((ms) => Number.isInteger(ms) && (ms as number) >= 1),
  )
  @OptionRule('must be a list', Array.isArray)
  retryScheduleMs: number[] = [...DEFAULT_RETRY_SCHEDULE_MS];
  /** Each wait is multiplied by a random factor in [1 − jitter, 1 + jitter]. */
  @OptionRange(0, 0.5, { integer: false }) jitter = 0.1;
  /**
   * An endpoint is disabled after this many deliveries in a row ended `failed` (every retry spent, ~28 h
   * with the default schedule) with no 2xx in between. Counting spent deliveries rather than attempts keeps
   * a burst of events during a short outage from disabling an endpoint.
   */
  @OptionRange(1, Infinity) disableEndpointAfter = 15;
}

class DispatcherOptions {
  /** Poll the outbox from application bootstrap to shutdown (default true); tests call `runOnce()`. */
  @IsBoolean({ message: 'must be true or false' }) autoStart = true;
  @OptionRange(1, Infinity) pollIntervalMs = 1_000;
  /**
   * Deliveries claimed at once, at most: a claim takes no more than it can attempt within the lease if every attempt
   * ran to its timeout (`concurrency` × ⌊(leaseMs − 1 s) / timeoutMs⌋, at least `concurrency`; 40 with the defaults).
   */
  @OptionRange(1, 1_000) batchSize = 50;
  /** Deliveries in flight at once per worker. */
  @OptionRange(1, 256) concurrency = 8;
}

/** Options of the notifications (outbound webhooks) feature. */
export class NotificationsOptionsSchema {
  /** The event types the host emits: endpoints subscribe to a subset, `enqueue` refuses others. */
  @OptionRule('must be event type names (letters, digits, . _ -; up to 64)', (v: unknown[]) =>
    v.every((t) => typeof t === 'string' && EVENT_TYPE_PATTERN.test(t)),
  )
  @OptionRule('must list at least one event type', (v: unknown) => Array.isArray(v) && v.length > 0)
  eventTypes: string[] = [];
  /**
   * Production (the defaults): only https targets, and only public addresses — loopback, private, link-local,
   * CGNAT, unspecified and multicast addresses are refused after resolution. Development:
   * `{ allowPrivateTargets: true, requireHttps: false }` (e.g. a receiver on http://127.0.0.1).
   */
  @IsBoolean({ message: 'must be true or false' }) allowPrivateTargets = false;
  @IsBoolean({ message: 'must be true or false' }) requireHttps = true;
  /** After a rotation, how long the previous secret still signs (both signatures are sent). */
  @OptionRange(0, Infinity) secretOverlapMs = 86_400_000;
  @OptionGroup(() => DeliveryOptions) delivery = new DeliveryOptions();
  @OptionGroup(() => DispatcherOptions) dispatcher = new DispatcherOptions();
}

/** What a host passes: `eventTypes` required, every other option optional, groups partially. */
export type NotificationsModuleOptions = {
  [K in keyof NotificationsOptionsSchema]?: NotificationsOptionsSchema[K] extends unknown[]
    ? NotificationsOptionsSchema[K]
    : NotificationsOptionsSchema[K] extends object
      ? Partial<NotificationsOptionsSchema[K]>
      : NotificationsOptionsSchema[K];
} & { eventTypes: string[] };
export type ResolvedNotificationsOptions = NotificationsOptionsSchema;

export const NOTIFICATIONS_OPTIONS = Symbol('faceauth:notifications-options');
export const InjectNotificationsOptions = (): ParameterDecorator => Inject(NOTIFICATIONS_OPTIONS);

/** Fills defaults and validates once at init; throws `ModuleOptionsError` naming the bad option. */
export const resolveNotificationsOptions = (
  options: NotificationsModuleOptions,
): ResolvedNotificationsOptions =>
  validateModuleOptions('NotificationsModule', NotificationsOptionsSchema, options);
