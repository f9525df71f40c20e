import {
  DeliveryView,
  EndpointWithSecret,
  NotificationEndpointView,
  NotificationError,
  NotificationErrorCode,
} from '@faceauth/notifications';

/** An endpoint as GET /v1/notification-endpoints shows it: never a secret. */
export interface EndpointJson {
  id: string;
  url: string;
  description: string | null;
  /** Null: every event type. */
  events: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What `endpoints add` and `endpoints rotate` print with --json (as POST …/rotate-secret answers). */
export interface EndpointWithSecretJson extends EndpointJson {
  secret: string;
}

/** A delivery as GET /v1/notification-endpoints/:id/deliveries shows it. */
export interface DeliveryJson {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

// The API's shapes (libs/admin-api notification-endpoint-dto.mapper.ts), so --json reads like the API.

export function toEndpointJson(view: NotificationEndpointView): EndpointJson {
  return {
    id: view.id,
    url: view.url,
    description: view.description,
    events: view.eventTypes,
    enabled: view.enabled,
    disabledReason: view.disabledReason,
    consecutiveFailures: view.consecutiveFailures,
    previousSecretExpiresAt: view.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

/** The one place the CLI handles a secret: `endpoints add` and `endpoints rotate` print it, once. */
export function toEndpointWithSecretJson(created: EndpointWithSecret): EndpointWithSecretJson {
  return { ...toEndpointJson(created.endpoint), secret: created.secret };
}

export function toDeliveryJson(view: DeliveryView): DeliveryJson {
  return {
    id: view.id,
    endpointId: view.endpointId,
    eventId: view.eventId,
    eventType: view.eventType,
    status: view.status,
    attempts: view.attempts,
    nextAttemptAt: view.nextAttemptAt?.toISOString() ?? null,
    lastStatusCode: view.lastStatusCode,
    lastError: view.lastError,
    responseExcerpt: view.responseExcerpt,
    createdAt: view.createdAt.toISOString(),
    deliveredAt: view.deliveredAt?.toISOString() ?? null,
  };
}

/** `enabled`, or `disabled (<reason>)`: the STATUS column and the one-line answers. */
export function endpointState(endpoint: Pick<EndpointJson, 'enabled' | 'disabledReason'>): string {
  if (endpoint.enabled) return 'enabled';
  return endpoint.disabledReason ? `disabled (${endpoint.disabledReason})` : 'disabled';
}

export function eventsLabel(events: readonly string[] | null): string {
  return events === null ? 'all events' : events.join(',');
}

/**
 * The library's not-found refusals name no id; the operator typed one, so the line names it (the code, and
 * so the exit status 1 the error reporter gives a NOT_FOUND DomainError, stay the library's).
 */
export async function namingId<T>(id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotificationError && error.code === NotificationErrorCode.ENDPOINT_NOT_FOUND)
      throw new NotificationError(error.code, `no notification endpoint has the id ${id}`);
    if (error instanceof NotificationError && error.code === NotificationErrorCode.DELIVERY_NOT_FOUND)
      throw new NotificationError(error.code, `no delivery has the id ${id}`);
    throw error;
  }
}
