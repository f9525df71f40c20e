import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  FACEAUTH_RESULT_EVENT,
  FACEAUTH_TOKEN_EXPIRED_EVENT,
  FaceAuthResultEvent,
  FaceAuthTokenExpiredEvent,
} from '@faceauth/webhook';
import { ApiHarness } from '../support/api-harness';
import {
  APPROVED_SUBMISSION,
  completeHostedPage,
  eventually,
  SandboxedApi,
  startSandboxedApi,
} from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';

const OPS = 'context-events-operator-secret-0001';
const PID = 'context-events-project';
const ARGOS_KEY = 'context-events-api-key';

/**
 * The company's context of a link (clientReference, metadata) travels with every event about it: the
 * stored result of a completion at the sandbox's hosted page, and Argos' expiry of the link's token.
 */
describe.each(databasesUnderTest())('link context in the events on %s', (kind) => {
  let journey: SandboxedApi;
  let api: ApiHarness;
  const results: FaceAuthResultEvent[] = [];
  const expiries: FaceAuthTokenExpiredEvent[] = [];

  beforeAll(async () => {
    journey = await startSandboxedApi(kind, {
      project: { pid: PID, apiKey: ARGOS_KEY, tokenExpiration: { mode: 'count' } },
      operatorKey: OPS,
    });
    ({ api } = journey);
    const emitter = api.app.get(EventEmitter2);
    emitter.on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => void results.push(e));
    emitter.on(FACEAUTH_TOKEN_EXPIRED_EVENT, (e: FaceAuthTokenExpiredEvent) => void expiries.push(e));
  });
  afterAll(async () => {
    await journey?.close();
  });

  const mint = async (body: object) => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { 'x-api-key': OPS },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  /** Completes the hosted page and waits for both events of the link (the result, then Argos' expiry). */
  const complete = async (link: { url: string; token: string }) => {
    const attempt = await completeHostedPage(link.url);
    const result = await eventually(async () => results.find((e) => e.record.authId === attempt.authId));
    const expiry = await eventually(async () => expiries.find((e) => e.tokenId === link.token));
    return { result, expiry };
  };

  it('carries the clientReference and metadata of the link after a completion at the hosted page', async () => {
    const metadata = { orderId: `A-${kind}-1001`, channel: 'web' };
    const link = await mint({
      sid: APPROVED_SUBMISSION,
      authUserId: `context-user-${kind}`,
      clientReference: `case-${kind}-1`,
      metadata,
    });
    const { result, expiry } = await complete(link);
    expect(result).toMatchObject({
      clientReference: `case-${kind}-1`,
      metadata,
      identity: { linkId: link.id, source: 'link' },
      tokenUseRecorded: true,
    });
    expect(expiry).toMatchObject({ tokenId: link.token, clientReference: `case-${kind}-1`, metadata });
  });

  it('carries null and {} for a link minted without a context', async () => {
    const link = await mint({ sid: APPROVED_SUBMISSION, authUserId: `plain-user-${kind}` });
    const { result, expiry } = await complete(link);
    expect(result).toMatchObject({ clientReference: null, metadata: {}, identity: { linkId: link.id } });
    expect(expiry).toMatchObject({ tokenId: link.token, clientReference: null, metadata: {} });
  });

  it('carries null and {} when Argos expires a token that no link of ours has', async () => {
    const tokenId = `not-ours-${kind}-0001`;
    const res = await api.app.inject({
      method: 'POST',
      url: '/webhooks/argos',
      payload: {
        webhook_trigger: 'token_expired',
        token_id: tokenId,
        expired_condition: 'count',
        expired_at: '2026-11-20T00:00:00Z',
        service: 'faceAuth',
      },
    });
    expect(res.statusCode).toBe(200);
    const expiry = await eventually(async () => expiries.find((e) => e.tokenId === tokenId));
    expect(expiry).toMatchObject({ clientReference: null, metadata: {} });
  });
});
