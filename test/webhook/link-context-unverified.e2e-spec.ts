import { EventEmitter2 } from '@nestjs/event-emitter';
import { FACEAUTH_RESULT_EVENT, FaceAuthResultEvent, WebhookProcessor } from '@faceauth/webhook';
import { ApiHarness, startApi } from '../support/api-harness';
import { databasesUnderTest } from '../support/test-databases';

const ADMIN = 'unverified-admin-secret-00000000001';

/** A v3 faceAuth webhook for `submissionId` naming `tokenId`. */
const webhook = (authId: string, submissionId: string, tokenId: string) => ({
  webhook_trigger: 'faceAuth',
  data: {
    Submission_id: submissionId,
    Auth_Status: 'approved',
    Create_Time: '2026-11-20',
    Token_id: tokenId,
    reference: {},
    Authentication_id: authId,
  },
});

/**
 * A result event carries the context of the link only when that link is verified (its submission is the
 * one the result compares against): a webhook naming the token of another submission's link learns nothing
 * of that link's context.
 */
describe.each(databasesUnderTest())(
  'link context of a result reached through an unverified token on %s',
  (kind) => {
    let api: ApiHarness;
    const events: FaceAuthResultEvent[] = [];

    beforeAll(async () => {
      api = await startApi(kind, {
        env: {
          FACEAUTH_PID: 'pid-unverified',
          FACEAUTH_API_KEY: 'unverified-add-on-key-0001',
          WEBHOOK_VERIFY_BY_FETCH: 'false',
          WEBHOOK_PROCESSOR_ENABLED: 'false',
          RECONCILE_ENABLED: 'false',
          INTERNAL_API_KEYS: `ops|admin|${ADMIN}`,
        },
      });
      api.app.get(EventEmitter2).on(FACEAUTH_RESULT_EVENT, (e: FaceAuthResultEvent) => void events.push(e));
    });
    afterAll(() => api.close());

    it("carries the link's context for its own submission only", async () => {
      const link = (
        await api.app.inject({
          method: 'POST',
          url: '/v1/links',
          headers: { 'x-api-key': ADMIN },
          payload: {
            sid: 'sub_mine',
            policy: { mode: 'count', maxUses: 5 },
            clientReference: 'secret-case-1',
            metadata: { orderId: 'A-1' },
          },
        })
      ).json();
      for (const [authId, submission] of [
        [`other-${kind}`, 'sub_other'],
        [`mine-${kind}`, 'sub_mine'],
      ]) {
        const res = await api.app.inject({
          method: 'POST',
          url: '/webhooks/argos',
          payload: webhook(authId, submission, link.token),
        });
        expect(res.statusCode).toBe(200);
      }
      expect(await api.app.get(WebhookProcessor).drain()).toBe(2);
      const byAuthId = (authId: string) => events.find((e) => e.record.authId === authId);
      // Another submission's result naming the link's token: flagged, and the link's outcome is untouched.
      expect(byAuthId(`other-${kind}`)).toMatchObject({
        clientReference: null,
        metadata: {},
        policyViolation: 'submission_mismatch',
        outcome: null,
      });
      expect(byAuthId(`other-${kind}`)?.identity?.linkId).toBeUndefined();
      expect(byAuthId(`mine-${kind}`)).toMatchObject({
        clientReference: 'secret-case-1',
        metadata: { orderId: 'A-1' },
        identity: { linkId: link.id },
        policyViolation: null,
      });
      const stored = await api.app.inject({
        method: 'GET',
        url: `/v1/results/other-${kind}`,
        headers: { 'x-api-key': ADMIN },
      });
      expect(stored.json()).toMatchObject({ policyViolation: 'submission_mismatch', linkId: null });
    });
  },
);
