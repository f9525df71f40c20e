import type {
  CreateEndpointInput,
  DeliveryView,
  EndpointWithSecret,
  NotificationEndpointView,
  UpdateEndpointInput,
} from '@faceauth/notifications';
import { RequestValidationError } from '../errors/request-validation.error';
import {
  CreateNotificationEndpointDto,
  NotificationDeliveryDto,
  NotificationEndpointDto,
  NotificationEndpointWithSecretDto,
  UpdateNotificationEndpointDto,
} from './notification-endpoint.dto';

/**
 * `events` as the service takes it: null (every type) when absent or null, else the list, each a type the
 * service emits (`known`, from the notifications options). Refused here rather than by the library so that
 * the 400 names the API's field (`events`), and lists what may be chosen.
 */
function checkedEvents(events: string[] | null | undefined, known: readonly string[]): string[] | null {
  if (events === undefined || events === null) return null;
  const allowed = new Set(known);
  const unknown = events.filter((type) => !allowed.has(type));
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 3)
      .map((type) => JSON.stringify(type.slice(0, 64)))
      .join(', ');
    throw new RequestValidationError(
      ['events'],
      `events must each be one of ${known.join(', ')} (unknown: ${shown}${unknown.length > 3 ? ', …' : ''})`,
    );
  }
  return events;
}

export function toCreateEndpointInput(
  dto: CreateNotificationEndpointDto,
  known: readonly string[],
): CreateEndpointInput {
  return {
    url: dto.url,
    eventTypes: checkedEvents(dto.events, known),
    description: dto.description ?? null,
  };
}

/** Only the fields sent: an absent field stays as it is. */
export function toUpdateEndpointInput(
  dto: UpdateNotificationEndpointDto,
  known: readonly string[],
): UpdateEndpointInput {
  const input: UpdateEndpointInput = {};
  if (dto.url !== undefined) input.url = dto.url;
  if (dto.events !== undefined) input.eventTypes = checkedEvents(dto.events, known);
  if (dto.description !== undefined) input.description = dto.description;
  if (dto.enabled !== undefined) input.enabled = dto.enabled;
  return input;
}

export function toEndpointDto(view: NotificationEndpointView): NotificationEndpointDto {
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

/** The create and rotate-secret answers: the one place a secret leaves the service. */
export function toEndpointWithSecretDto(created: EndpointWithSecret): NotificationEndpointWithSecretDto {
  return { ...toEndpointDto(created.endpoint), secret: created.secret };
}

export function toDeliveryDto(view: DeliveryView): NotificationDeliveryDto {
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
