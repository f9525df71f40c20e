import { Clock } from '@faceauth/core';
import { ApiHarness, startApi } from '../../support/api-harness';
import { DatabaseKindUnderTest } from '../../support/test-databases';
import { JourneyDriver } from './journey.driver';
import { VendorFixtureServer } from './vendor-fixture.server';

export const VENDOR_PID = 'pid-vendor-contract';
const ARGOS_KEY = 'vendor-contract-add-on-key-00000001';
const ADMIN_KEY = 'vendor-contract-admin-secret-0000000001';
const WEBHOOK_SECRET = 'vendor-contract-webhook-secret-000001';

export interface VendorJourney {
  argos: VendorFixtureServer;
  api: ApiHarness;
  drive: JourneyDriver;
  close(): Promise<void>;
}

/**
 * The whole API (Fastify, guards, TypeORM, the webhook inbox, processed on demand) against a real HTTP server
 * answering like Argos with the vendor's published shapes, whose records carry no person and no token
 * (ARGOS-CONTRACT.md §7). Every webhook is verified by fetching its record (the service's default). `options`: a
 * clock for the service, and settings over the journey's.
 */
export async function startVendorJourney(
  kind: DatabaseKindUnderTest,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<VendorJourney> {
  const argos = await VendorFixtureServer.start({
    apiKey: ARGOS_KEY,
    projectId: VENDOR_PID,
    shape: 'grouped',
  });
  const api = await startApi(kind, {
    clock: options.clock,
    env: {
      FACEAUTH_PID: VENDOR_PID,
      FACEAUTH_API_KEY: ARGOS_KEY,
      FACEAUTH_TOKEN_EXPIRATION: 'count',
      INTERNAL_API_KEYS: `vendor-contract|admin|${ADMIN_KEY}`,
      WEBHOOK_SECRETS: WEBHOOK_SECRET,
      WEBHOOK_PROCESSOR_ENABLED: 'false',
      RECONCILE_ENABLED: 'false',
      CLEANUP_ENABLED: 'false',
      ARGOS_MAX_ATTEMPTS: '2',
      ARGOS_BREAKER_FAILURES: '1000',
      ...options.env,
    },
    configure: (config) => ({ ...config, argos: { ...config.argos, apiBaseUrl: argos.baseUrl } }),
  });
  return {
    argos,
    api,
    drive: new JourneyDriver(api, ADMIN_KEY, WEBHOOK_SECRET),
    close: async () => {
      await api.close();
      await argos.close();
    },
  };
}

/** An ISO instant `offsetMs` from now (a real delivery carries real times). */
export const isoAt = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();

/**
 * For one `describe` block: the vendor journey started before its tests and closed after them, the fixture
 * server's scripts cleared after each test. Read `argos` and `drive` inside tests.
 */
export function useVendorJourney(kind: DatabaseKindUnderTest): {
  readonly argos: VendorFixtureServer;
  readonly drive: JourneyDriver;
} {
  let journey: VendorJourney | undefined;
  beforeAll(async () => {
    journey = await startVendorJourney(kind);
  });
  afterEach(() => journey?.argos.clearScripts());
  afterAll(async () => {
    await journey?.close();
  });
  const started = (): VendorJourney => {
    if (!journey) throw new Error('useVendorJourney: the journey exists only inside its describe block');
    return journey;
  };
  return {
    get argos() {
      return started().argos;
    },
    get drive() {
      return started().drive;
    },
  };
}
