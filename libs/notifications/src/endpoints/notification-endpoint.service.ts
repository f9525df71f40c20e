import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, decodeKeysetCursor, encodeKeysetCursor, isUnsafeText } from '@faceauth/core';
import { NotificationError, NotificationErrorCode } from '../notification.error';
import { InjectNotificationsOptions, ResolvedNotificationsOptions } from '../notifications.options';
import { NotificationEndpointEntity } from '../persistence/notification-endpoint.entity';
import { DeliveryStatus, NotificationOutboxEntity } from '../persistence/notification-outbox.entity';
import { NotificationsRepository } from '../persistence/notifications.repository';
import { generateWebhookSecret } from '../signing/webhook-secret';

export const MAX_URL_LENGTH = 2048;
export const MAX_DESCRIPTION_LENGTH = 200;
export const MAX_ENDPOINTS_LISTED = 1_000;
export const DEFAULT_DELIVERIES_PAGE = 50;
export const MAX_DELIVERIES_PAGE = 200;

/** An endpoint as the API shows it: never its secrets. */
export interface NotificationEndpointView {
  id: string;
  url: string;
  description: string | null;
  /** Null: every event type. */
  eventTypes: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  /** Until when the previous secret still signs (after a rotation); null when none does. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Returned by `create` and `rotateSecret` only: the one time the secret is shown. */
export interface EndpointWithSecret {
  endpoint: NotificationEndpointView;
  secret: string;
}

export interface CreateEndpointInput {
  url: string;
  /** A subset of the configured event types; null or absent: every type. */
  eventTypes?: string[] | null;
  description?: string | null;
  /** Default true. */
  enabled?: boolean;
}

export interface UpdateEndpointInput {
  url?: string;
  eventTypes?: string[] | null;
  description?: string | null;
  /** Re-enabling resets the failure run and the disabled reason. */
  enabled?: boolean;
}

export interface DeliveryView {
  id: string;
  endpointId: string;
  /** The `webhook-id`. */
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface DeliveryPage {
  items: DeliveryView[];
  /** For the next (older) page; null on the last one. */
  nextCursor: string | null;
}

const viewOf = (e: NotificationEndpointEntity, now: Date): NotificationEndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  consecutiveFailures: e.consecutiveFailures,
  previousSecretExpiresAt:
    e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now
      ? e.previousSecretExpiresAt
      : null,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const deliveryViewOf = (d: NotificationOutboxEntity): DeliveryView => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  responseExcerpt: d.responseExcerpt,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
});

const invalid = (message: string): NotificationError =>
  new NotificationError(NotificationErrorCode.INVALID_ENDPOINT, message);

/**
 * Endpoints of outbound webhooks, their secrets and their deliveries. Whether a URL's host is an allowed
 * target is decided at delivery time (on the resolved address, see `TargetPolicy`), not here: DNS changes.
 */
@Injectable()
export class NotificationEndpointService {
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
    @InjectNotificationsOptions() private readonly options: ResolvedNotificationsOptions,
  ) {
    this.known = new Set(options.eventTypes);
  }

  /** The event types an endpoint may subscribe to. */
  get eventTypes(): readonly string[] {
    return this.options.eventTypes;
  }

  async create(input: CreateEndpointInput): Promise<EndpointWithSecret> {
    const now = this.clock.now();
    const secret = generateWebhookSecret();
    const endpoint = Object.assign(new NotificationEndpointEntity(), {
      id: randomUUID(),
      url: this.checkedUrl(input.url),
      description: this.checkedDescription(input.description ?? null),
      eventTypes: this.checkedEventTypes(input.eventTypes ?? null),
      enabled: input.enabled ?? true,
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      consecutiveFailures: 0,
      disabledReason: null,
      createdAt: now,
      updatedAt: now,
    } satisfies NotificationEndpointEntity);
    await this.repository.insertEndpoint(endpoint);
    return { endpoint: viewOf(endpoint, now), secret };
  }

  async list(): Promise<NotificationEndpointView[]> {
    const now = this.clock.now();
    return (await this.repository.listEndpoints(MAX_ENDPOINTS_LISTED)).map((e) => viewOf(e, now));
  }

  async get(id: string): Promise<NotificationEndpointView> {
    return viewOf(await this.found(id), this.clock.now());
  }

  async update(id: string, input: UpdateEndpointInput): Promise<NotificationEndpointView> {
    const current = await this.found(id);
    const now = this.clock.now();
    const reEnabled = input.enabled === true && !current.enabled;
    const next = Object.assign(new NotificationEndpointEntity(), current, {
      url: input.url !== undefined ? this.checkedUrl(input.url) : current.url,
      description:
        input.description !== undefined ? this.checkedDescription(input.description) : current.description,
      eventTypes:
        input.eventTypes !== undefined ? this.checkedEventTypes(input.eventTypes) : current.eventTypes,
      enabled: input.enabled ?? current.enabled,
      consecutiveFailures: reEnabled ? 0 : current.consecutiveFailures,
      disabledReason: reEnabled
        ? null
        : input.enabled === false
          ? 'disabled by an administrator'
          : current.disabledReason,
      updatedAt: now,
    });
    const updated = await this.repository.updateEndpoint(next);
    if (!updated) throw endpointNotFound(id);
    return viewOf(updated, now);
  }

  /** Deletes the endpoint and every delivery of it. */
  async delete(id: string): Promise<void> {
    if (!(await this.repository.deleteEndpoint(id))) throw endpointNotFound(id);
  }

  /**
   * A new secret; the current one becomes the previous and still signs (second signature) until
   * now + `secretOverlapMs`. A previous secret still in overlap is dropped.
   */
  async rotateSecret(id: string): Promise<EndpointWithSecret> {
    const current = await this.found(id);
    const now = this.clock.now();
    const secret = generateWebhookSecret();
    const rotated = await this.repository.rotateSecret(
      current,
      secret,
      new Date(now.getTime() + this.options.secretOverlapMs),
      now,
    );
    if (!rotated) {
      throw new NotificationError(
        NotificationErrorCode.CONCURRENT_ROTATION,
        'the endpoint was rotated or deleted meanwhile; try again',
      );
    }
    return { endpoint: viewOf(rotated, now), secret };
  }

  /** The endpoint's deliveries, newest first, keyset-paginated. */
  async listDeliveries(
    endpointId: string,
    page: { cursor?: string | null; limit?: number } = {},
  ): Promise<DeliveryPage> {
    await this.found(endpointId);
    const limit = Math.min(
      Math.max(Math.trunc(page.limit ?? DEFAULT_DELIVERIES_PAGE), 1),
      MAX_DELIVERIES_PAGE,
    );
    const after = page.cursor ? decodeKeysetCursor(page.cursor) : null;
    const rows = await this.repository.listDeliveries(endpointId, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(deliveryViewOf),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null,
    };
  }

  async getDelivery(deliveryId: string): Promise<DeliveryView> {
    const delivery = await this.repository.findDelivery(deliveryId);
    if (!delivery) throw deliveryNotFound(deliveryId);
    return deliveryViewOf(delivery);
  }

  /**
   * Sends a delivered or failed delivery again as a new series of attempts (attempt count reset), with the
   * same `webhook-id` and body so receivers can deduplicate. A delivery of a disabled endpoint waits until
   * the endpoint is enabled again.
   */
  async replay(deliveryId: string): Promise<DeliveryView> {
    const replayed = await this.repository.replay(deliveryId, this.clock.now());
    if (replayed) return deliveryViewOf(replayed);
    if (await this.repository.findDelivery(deliveryId)) {
      throw new NotificationError(
        NotificationErrorCode.DELIVERY_IN_PROGRESS,
        'only a delivered or failed delivery can be replayed',
      );
    }
    throw deliveryNotFound(deliveryId);
  }

  private async found(id: string): Promise<NotificationEndpointEntity> {
    const endpoint = await this.repository.findEndpoint(id);
    if (!endpoint) throw endpointNotFound(id);
    return endpoint;
  }

  private checkedUrl(url: unknown): string {
    if (typeof url !== 'string' || url.length === 0) throw invalid('url is required');
    if (url.length > MAX_URL_LENGTH) throw invalid(`url must be at most ${MAX_URL_LENGTH} characters`);
    if (isUnsafeText(url)) throw invalid('url must be an absolute http(s) URL');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalid('url must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw invalid('url must be an absolute http(s) URL');
    }
    if (parsed.username || parsed.password) throw invalid('url must not carry credentials');
    if (parsed.hash) throw invalid('url must not have a fragment');
    return url;
  }

  private checkedDescription(description: unknown): string | null {
    if (description === null) return null;
    if (typeof description !== 'string') throw invalid('description must be text');
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      throw invalid(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
    }
    if (isUnsafeText(description)) throw invalid('description contains characters that cannot be stored');
    return description;
  }

  private checkedEventTypes(types: unknown): string[] | null {
    if (types === null) return null;
    if (!Array.isArray(types) || types.length === 0) {
      throw invalid('eventTypes must be a non-empty list of event types, or null for every type');
    }
    const unknown = types.filter((t) => typeof t !== 'string' || !this.known.has(t));
    if (unknown.length > 0) {
      throw new NotificationError(
        NotificationErrorCode.UNKNOWN_EVENT_TYPE,
        `eventTypes must be among: ${this.options.eventTypes.join(', ')}`,
      );
    }
    return [...new Set(types as string[])];
  }
}

/** Ids are named as given (at most 64 characters: a caller's typo is echoed, not a payload). */
const named = (id: string): string => id.slice(0, 64);

export const endpointNotFound = (id: string): NotificationError =>
  new NotificationError(
    NotificationErrorCode.ENDPOINT_NOT_FOUND,
    `no notification endpoint has the id ${named(id)}`,
  );

export const deliveryNotFound = (id: string): NotificationError =>
  new NotificationError(NotificationErrorCode.DELIVERY_NOT_FOUND, `no delivery has the id ${named(id)}`);
