import type { NotificationEndpointDto as EndpointJson } from '@faceauth/admin-api';

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
