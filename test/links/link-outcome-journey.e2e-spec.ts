import { EventEmitter2 } from '@nestjs/event-emitter';
import { FACEAUTH_OUTCOME_EVENT, FaceAuthOutcomeEvent } from '@faceauth/token-policy';
import { FACEAUTH_RESULT_EVENT, FaceAuthResultEvent } from '@faceauth/webhook';
import { ApiHarness } from '../support/api-harness';
import {
  APPROVED_SUBMISSION,
  completeHostedPage,
  eventually,
  SandboxedApi,
  startSandboxedApi,
} from '../support/sandbox-journey';
import { databasesUnderTest } from '../support/test-databases';

const OPS = 'outcome-journey-operator-secret-01';
const PID = 'outcome-journey-project';
const ARGOS_KEY = 'outcome-journey-api-key';

/**
 * The journey of the issue: a one-use link completed at the sandbox's hosted page is approved, once; its
 * long URL opened again (the project's Argos token expiration is off, so Argos accepts it) yields a second
 * approved result that is stored with `policyViolation: "used"` and never changes the outcome.
 */
describe.each(databasesUnderTest())('a link outcome through the sandbox on %s', (kind) => {
  let journey: SandboxedApi;
  let api: ApiHarness;
  const results: FaceAuthResultEvent[] = [];
  const outcomes: FaceAuthOutcomeEvent[] = [];

  beforeAll(async () => {
    journey = await startSandboxedApi(kind, {
      project: { pid: PID, apiKey: ARGOS_KEY, tokenExpiration: { mode: 'off' } },
      operatorKey: OPS,
    });
    ({ api } = journey);
    const emitter = api.app.get(EventEmitter2);
    emitter.on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => void results.push(e));
    emitter.on(FACEAUTH_OUTCOME_EVENT, (e: FaceAuthOutcomeEvent) => void outcomes.push(e));
  });
  afterAll(async () => {
    await journey?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await api.app.inject({ method, url, headers: { 'x-api-key': OPS }, payload });
    return { status: res.statusCode, body: res.json() };
  };
  const completed = async (url: string) => {
    const attempt = await completeHostedPage(url);
    return eventually(async () => results.find((e) => e.record.authId === attempt.authId));
  };

  it('approves once, and stores a replay of the used link as a policy violation', async () => {
    const minted = await call('POST', '/v1/links', {
      sid: APPROVED_SUBMISSION,
      authUserId: `outcome-user-${kind}`,
      clientReference: `payment-${kind}-1`,
      metadata: { amount: '120.00' },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.outcome).toEqual({ status: 'pending', authId: null, decidedAt: null, reason: null });

    const first = await completed(minted.body.url);
    expect(first).toMatchObject({ policyViolation: null, outcome: { status: 'approved' } });
    const decided = await eventually(async () => outcomes.find((e) => e.data.link.id === minted.body.id));
    // The host event is the signed webhook's body.
    expect(decided).toMatchObject({
      type: 'faceauth.link.approved',
      data: {
        link: {
          clientReference: `payment-${kind}-1`,
          metadata: { amount: '120.00' },
          sid: APPROVED_SUBMISSION,
          outcome: { status: 'approved', authId: first.record.authId, reason: null },
        },
        result: { authId: first.record.authId, status: 'approved', policyViolation: null },
      },
    });
    const link = await call('GET', `/v1/links/${minted.body.id}`);
    expect(link.body).toMatchObject({
      status: 'used',
      outcome: { status: 'approved', authId: first.record.authId },
    });
    expect(Date.parse(link.body.outcome.decidedAt)).not.toBeNaN();

    // The same long URL, opened again: Argos approves it again (its token expiration is off).
    const replay = await completed(minted.body.url);
    expect(replay.record.status).toBe('approved');
    expect(replay).toMatchObject({
      policyViolation: 'used',
      tokenUseRecorded: false,
      outcome: { status: 'approved', authId: first.record.authId },
    });
    const stored = await call('GET', `/v1/results/${replay.record.authId}`);
    expect(stored.body).toMatchObject({ policyViolation: 'used', linkId: minted.body.id });
    expect((await call('GET', `/v1/results/${first.record.authId}`)).body.policyViolation).toBeNull();
    expect((await call('GET', `/v1/links/${minted.body.id}`)).body.outcome).toEqual(link.body.outcome);
    expect(outcomes.filter((e) => e.data.link.id === minted.body.id)).toHaveLength(1);
  });

  it('stores a result for a revoked link as a violation and keeps the outcome revoked', async () => {
    const minted = await call('POST', '/v1/links', { sid: APPROVED_SUBMISSION });
    const revoked = await call('DELETE', `/v1/links/${minted.body.id}`);
    expect(revoked.body.outcome).toMatchObject({ status: 'revoked', reason: 'revoked' });
    const late = await completed(minted.body.url);
    expect(late).toMatchObject({ policyViolation: 'revoked', outcome: { status: 'revoked' } });
    // One outcome event, the revocation's; the late result adds none.
    expect(outcomes.filter((e) => e.data.link.id === minted.body.id).map((e) => e.type)).toEqual([
      'faceauth.link.revoked',
    ]);
  });
});
