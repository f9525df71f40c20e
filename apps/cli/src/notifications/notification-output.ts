import type { NotificationEndpointDto as EndpointJson } from '@faceauth/admin-api';
import { NotificationError, NotificationErrorCode } from '@faceauth/notifications';

// The API's shapes and mappers, so that --json reads exactly like the API.
export {
  toDeliveryDto as toDeliveryJson,
  toEndpointDto as toEndpointJson,
  toEndpointWithSecretDto as toEndpointWithSecretJson,
} from '@faceauth/admin-api';
export type {
  NotificationDeliveryDto as DeliveryJson,
  NotificationEndpointDto as EndpointJson,
  NotificationEndpointWithSecretDto as EndpointWithSecretJson,
} from '@faceauth/admin-api';

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
