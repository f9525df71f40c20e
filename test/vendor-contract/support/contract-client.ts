import { ArgosClient } from '@faceauth/argos-client';
import { closeClients, makeClient, rejectionOf } from '../../argos-client/support/client.fixture';

/** A recognisable fake Add-on key: any occurrence of it in test output is a leak. */
export const CONTRACT_API_KEY = 'VENDOR-CONTRACT-KEY-5b8e2c7a91d34f06';

/**
 * The product's real Argos client against `baseUrl`, with the client suites' short timeouts and backoffs,
 * and the breaker out of the way (every 5xx case of a suite runs on one client per test).
 */
export function contractClient(baseUrl: string, apiKey = CONTRACT_API_KEY): ArgosClient {
  return makeClient(baseUrl, {
    projects: [{ name: 'main', apiKey }],
    breaker: { failureThreshold: 1_000, resetAfterMs: 10 },
  });
}

export { closeClients as closeContractClients, rejectionOf };
