import {
  ArgosClient,
  ArgosClientModuleOptions,
  ArgosTransport,
  createArgosClient,
  createArgosTransport,
  resolveArgosClientOptions,
} from '@faceauth/argos-client';

/** A recognisable fake key: any occurrence of it in test output is a leak. */
export const TEST_API_KEY = 'TEST-ARGOS-KEY-7f3c9b1e5d2a4f60';

/** Transports opened by {@link makeClient}; close them in afterEach/afterAll. */
const openTransports: ArgosTransport[] = [];

/**
 * A real client against `baseUrl` with test-friendly settings: tiny backoffs (random pinned to 1, so
 * delays are deterministic), short timeouts. `overrides` win (nested `timeouts`/`retry` are merged).
 */
export function makeClient(baseUrl: string, overrides: Partial<ArgosClientModuleOptions> = {}): ArgosClient {
  const options = resolveArgosClientOptions({
    baseUrl,
    projects: [{ name: 'main', apiKey: TEST_API_KEY }],
    random: () => 1,
    ...overrides,
    timeouts: {
      connectMs: 1_000,
      requestMs: 2_000,
      uploadMs: 2_000,
      deadlineMs: 5_000,
      ...overrides.timeouts,
    },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, ...overrides.retry },
  });
  const transport = createArgosTransport(options);
  openTransports.push(transport);
  return createArgosClient(options, 'main', transport);
}

export function closeClients(): void {
  for (const transport of openTransports.splice(0)) transport.close();
}

/** Resolves with the rejection of `promise`, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Smallest valid-looking JPEG / PNG headers plus filler: enough for magic-byte detection. */
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(60, 9),
]);
