import {
  ArgosClient,
  ArgosTransport,
  createArgosClient,
  createArgosTransport,
  resolveArgosClientOptions,
} from '@faceauth/argos-client';

/** A recognisable fake Add-on key: any occurrence of it in test output is a leak. */
export const CONTRACT_API_KEY = 'VENDOR-CONTRACT-KEY-5b8e2c7a91d34f06';

const transports: ArgosTransport[] = [];

/**
 * The product's real Argos client (public API of @faceauth/argos-client) against `baseUrl`, with short
 * backoffs (jitter pinned) so that retried 5xx stay quick, and `maxAttempts` retries of idempotent calls.
 */
export function contractClient(baseUrl: string, apiKey = CONTRACT_API_KEY): ArgosClient {
  const options = resolveArgosClientOptions({
    baseUrl,
    projects: [{ name: 'main', apiKey }],
    random: () => 1,
    timeouts: { connectMs: 1_000, requestMs: 2_000, uploadMs: 2_000, deadlineMs: 5_000 },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    // Every 5xx case of a suite runs on one client per test; keep the breaker out of the way.
    breaker: { failureThreshold: 1_000, resetAfterMs: 10 },
  });
  const transport = createArgosTransport(options);
  transports.push(transport);
  return createArgosClient(options, 'main', transport);
}

export function closeContractClients(): void {
  for (const transport of transports.splice(0)) transport.close();
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
